"""wagtail-localize's "Translate this page" and "Sync translated pages", publishing nothing.

Both views keep wagtail-localize's own checks (the ``submit_translation``
permission) and behaviour; ``wagtail_hooks`` serves them at wagtail-localize's
own admin paths, so every button and ``reverse()`` reaches them.
"""

from django.db import transaction

from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from .translations import translate_missing_ancestors


class DraftPageTranslationView(SubmitPageTranslationView):
    """Translate a page (and, if asked, its subpages) into new languages, as drafts.

    The setting ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` makes
    the new pages drafts; this view first translates, as drafts too, any
    parent missing in a chosen language, which wagtail-localize would
    otherwise create as a live alias of the Catalan page.
    """

    @transaction.atomic
    def form_valid(self, form):
        translate_missing_ancestors(self.object, form.cleaned_data["locales"], self.request.user)
        return super().form_valid(form)


class SyncWithoutPublishingForm(UpdateTranslationsForm):
    """wagtail-localize's sync form without "Publish immediately"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]


class SyncWithoutPublishingView(UpdateTranslationsView):
    """Sync a changed source into its translations' editors; publishing stays in the editor.

    "Publish immediately" would publish every translation with the new,
    untranslated source text in it; without it, the published translations
    keep their text until someone publishes them again.
    """

    template_name = "publishing/update_translations.html"

    def get_form(self):
        return SyncWithoutPublishingForm(
            self.request.POST if self.request.method == "POST" else None
        )

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)
