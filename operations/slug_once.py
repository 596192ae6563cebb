"""The page edit form asks once whether the slug is free, not twice.

Wagtail's page form (``WagtailAdminPageForm.clean``) asks whether the slug is
free among the page's siblings and refuses it on the slug field; then the form
validates the page model, whose ``Page.clean`` asked the same question of the
same slug and parent again (``_check_slug_is_unique``): one query more on every
*Save draft*, *Submit* and *Publish* of the edit form.

``install()`` has the form note, on its page, the slug it found free; the model
validation that follows takes that answer once, for that very slug. Any other
validation (a different slug, a later save, a page not validated through the
form) asks as before. A taken slug is refused by the form's check, as before.
"""

from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page

_FOUND_FREE = "_slug_found_free_by_the_form"


def install():
    if getattr(Page._check_slug_is_unique, "asks_once", False):
        return
    original_clean = WagtailAdminPageForm.clean
    original_check = Page._check_slug_is_unique

    def clean(self):
        cleaned_data = original_clean(self)
        if "slug" in self.cleaned_data:  # the form's check found it free
            self.instance.__dict__[_FOUND_FREE] = self.cleaned_data["slug"]
        return cleaned_data

    def _check_slug_is_unique(self):
        found_free = self.__dict__.pop(_FOUND_FREE, None)
        if found_free is not None and found_free == self.slug:
            return None
        return original_check(self)

    _check_slug_is_unique.asks_once = True
    WagtailAdminPageForm.clean = clean
    Page._check_slug_is_unique = _check_slug_is_unique
