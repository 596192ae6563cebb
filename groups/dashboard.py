"""The coordinators' dashboard panel: where their group's work stands.

First, one link per page type they may add to their group's section, and one
for a news item and an event of the group (``news.group_scope``), straight to
its add form (the dashboard, then the form: two clicks). Then drafts not
yet submitted, items waiting for the secretariat, and items sent back for
changes with the reviewer's comment, for every working group the person
coordinates: the pages of its section and its news items and events
(``knowledge.working_groups.pages_of_groups``). Built from Wagtail's own
workflow records, as they stand now: an item resubmitted or approved since it
was sent back is no longer listed as sent back.
"""

from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState, get_default_page_content_type

from knowledge.working_groups import pages_of_groups
from news.group_scope import places_for_group_items
from publishing.translations import source_page

from .models import WorkingGroupAccess, WorkingGroupPage

ITEMS_PER_LIST = 10


def coordinated_groups(user):
    """Each working group this user coordinates, as the list of its pages (one per language)."""
    keys = WorkingGroupAccess.objects.filter(coordinators_group__user=user).values(
        "translation_key"
    )
    by_key = {}
    for page in WorkingGroupPage.objects.filter(translation_key__in=keys).order_by("pk"):
        by_key.setdefault(page.translation_key, []).append(page)
    return list(by_key.values())


def _page_ids_as_text(pages):
    # Workflow states point at their object through a text ``object_id``.
    return pages.annotate(id_text=Cast("pk", CharField())).values("id_text")


def _page_ids(workflow_states):
    return [int(object_id) for object_id in workflow_states.values_list("object_id", flat=True)]


def group_work(group_pages):
    """Drafts, items in review and items sent back for changes among one group's pages:
    its section's, and its news items and events (``knowledge.working_groups``)."""
    section = pages_of_groups(group_pages)
    open_states = WorkflowState.objects.filter(
        base_content_type=get_default_page_content_type(),
        object_id__in=_page_ids_as_text(section),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    )
    latest_first = "-latest_revision_created_at"
    drafts = (
        section.filter(has_unpublished_changes=True)
        .exclude(pk__in=_page_ids(open_states))
        .order_by(latest_first)[:ITEMS_PER_LIST]
    )
    in_review = section.filter(
        pk__in=_page_ids(open_states.filter(status=WorkflowState.STATUS_IN_PROGRESS))
    ).order_by(latest_first)[:ITEMS_PER_LIST]
    # A workflow waiting for changes points at the step that asked for them.
    sent_back = list(
        open_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")[:ITEMS_PER_LIST]
    )
    pages = section.in_bulk([int(state.object_id) for state in sent_back])
    rejected = [
        {"page": pages[int(state.object_id)], "task_state": state.current_task_state}
        for state in sent_back
        if int(state.object_id) in pages
    ]
    return {"drafts": drafts, "in_review": in_review, "rejected": rejected}


def add_links(page, user, models=None):
    """Each page type ``user`` may add directly under ``page``: its name and add form's URL."""
    if not page.permissions_for_user(user).can_add_subpage():
        return []
    return [
        {
            "label": model._meta.verbose_name,
            "url": reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, page.pk],
            ),
        }
        for model in page.specific_class.creatable_subpage_models()
        if model.can_create_at(page) and (models is None or models(model))
    ]


def _coordinators_write(model):
    return getattr(model, "coordinators_write", False)


def group_item_links(page, user):
    """A news item and an event of the group, under the news index and agenda of its language."""
    links = []
    for place in places_for_group_items():
        if place.locale_id == page.locale_id:
            links += add_links(place, user, _coordinators_write)
    return links


class CoordinatorPanel(Component):
    """Shown on the admin dashboard to coordinators only; empty for everyone else."""

    name = "working_group_coordination"
    template_name = "groups/admin/coordinator_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        groups = []
        for group_pages in coordinated_groups(self.user):
            page = source_page(group_pages)
            groups.append(
                {
                    "page": page,
                    "panel_id": f"working-group-{page.pk}",
                    "add_links": add_links(page, self.user) + group_item_links(page, self.user),
                    **group_work(group_pages),
                }
            )
        return {"groups": groups}

    def render_html(self, parent_context=None):
        if not WorkingGroupAccess.objects.filter(coordinators_group__user=self.user).exists():
            return ""
        return super().render_html(parent_context)
