"""The admin form of knowledge pages.

Topics are offered in the page's own language; a new page starts from the
values an editor expects (``new_page_initial``); and a draft is saved with
whatever it has: rules that matter only for publishing (``validating_draft``)
run when the page is submitted or published.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm


class KnowledgePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = self.fields.get("topics")
        if topics is not None:
            locale_id = self.instance.locale_id or (
                self.parent_page.locale_id if self.parent_page else None
            )
            if locale_id:
                topics.queryset = topics.queryset.filter(locale_id=locale_id)
            topics.widget = forms.CheckboxSelectMultiple(choices=topics.choices)
        if self.instance._state.adding and not self.is_bound:
            for name, value in self.instance.new_page_initial().items():
                if name in self.fields:
                    self.initial[name] = value

    def _post_clean(self):
        self.instance.validating_draft = self.is_deferred_validation
        try:
            super()._post_clean()
        finally:
            self.instance.validating_draft = False
