"""The admin form of knowledge pages: topics offered in the page's own language."""

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
