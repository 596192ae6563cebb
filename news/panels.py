"""Page choosers that open on the section where the pages to choose live.

Wagtail's page chooser starts at the lowest common ancestor of every page of
the wanted type; with news and events in three languages that ancestor is the
root, so choosing a bulletin's news started at "Root". ``SectionInlinePanel``
makes each chooser of its rows open on a section of the edited page's own
language instead: the news index for a bulletin's news, the agenda for its
events. A row that already holds a page still opens beside that page.
"""

from django.apps import apps

from wagtail.admin.panels import InlinePanel
from wagtail.admin.widgets import AdminPageChooser


class SectionPageChooser(AdminPageChooser):
    """A page chooser that, when empty, opens on ``start_page_id``."""

    def __init__(self, *args, start_page_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_page_id = start_page_id

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        if self.start_page_id and "parentId" not in options:
            options["parentId"] = self.start_page_id
        return options


class SectionInlinePanel(InlinePanel):
    """An ``InlinePanel`` whose rows' ``chooser_field`` opens on a ``section`` page
    (``"app_label.Model"``) in the language of the page being edited."""

    def __init__(self, relation_name, *args, chooser_field, section, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.chooser_field = chooser_field
        self.section = section

    def clone_kwargs(self):
        return {
            **super().clone_kwargs(),
            "chooser_field": self.chooser_field,
            "section": self.section,
        }

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None or self.instance is None:
                return
            start_page_id = (
                apps.get_model(self.panel.section)
                .objects.filter(locale_id=self.instance.locale_id)
                .values_list("pk", flat=True)
                .first()
            )
            if start_page_id is None:
                return
            for child in [*self.children, self.empty_child]:
                field = child.form.fields[self.panel.chooser_field]
                current = field.widget
                field.widget = SectionPageChooser(
                    target_models=current.target_models,
                    can_choose_root=current.can_choose_root,
                    user_perms=current.user_perms,
                    start_page_id=start_page_id,
                )
