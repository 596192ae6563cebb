"""The secretariat's review decisions: which step is open, and what a decision did.

Wagtail offers a decision on a page in review in two places: the editor's
action menu, where the edit view takes it together with the form's changes
(guarded by ``groups.review_editor``), and the dashboard's "awaiting your
review" panel (``groups.review_dashboard``). Both take a decision only on the
review step that is open now, and tell the reviewer what it did, with the
functions here.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState, WorkflowState


def open_step(page):
    """The review step (task state) the page waits on now, or None."""
    workflow_state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state")
        .first()
    )
    task_state = workflow_state and workflow_state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    return task_state.specific


def is_open_step(task_state):
    """Whether ``task_state``, read in this request with its workflow state, is its
    page's open step (``open_step``: a page has one workflow in progress at most)."""
    workflow_state = task_state.workflow_state
    return (
        workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        and workflow_state.current_task_state_id == task_state.pk
        and task_state.status == TaskState.STATUS_IN_PROGRESS
    )


def offered_decisions(task_state, page, user):
    """The names of the decisions this user may take on this step."""
    return {name for name, _label, _modal in task_state.task.specific.get_actions(page, user)}


@dataclass(frozen=True)
class Publication:
    live: bool
    scheduled_at: datetime | None


def publication_of(obj):
    """Whether ``obj`` is live and when its approved changes go live, read from the database.

    A workflow's objects are often instances loaded before the decision published them.
    """
    return _publication(type(obj)._default_manager.get(pk=obj.pk))


def _publication(fresh):
    scheduled = getattr(fresh, "scheduled_revision", None)
    return Publication(
        live=getattr(fresh, "live", True),
        scheduled_at=scheduled.approved_go_live_at if scheduled is not None else None,
    )


def not_in_review_message(page):
    return _("“%(title)s” is no longer awaiting review: nothing was done.") % {
        "title": page.get_admin_display_title()
    }


def decision_message(task_state):
    """What the reviewer is told once their decision on ``task_state`` is recorded,
    or None while the step is still open. Read afresh: the decision changed them."""
    task_state = TaskState.objects.select_related("workflow_state__current_task_state__task").get(
        pk=task_state.pk
    )
    if task_state.status == TaskState.STATUS_IN_PROGRESS:
        return None
    workflow_state = task_state.workflow_state
    page = Page.objects.get(pk=workflow_state.object_id)
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("“%(title)s” has been returned to its authors with the changes you requested.") % {
            "title": title
        }
    next_step = workflow_state.current_task_state
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and next_step:
        return _("“%(title)s” has been approved; it now goes to “%(task)s”.") % {
            "title": title,
            "task": next_step.task.name,
        }
    publication = _publication(page)  # ``page`` was just read
    if publication.scheduled_at is not None:
        go_live_at = timezone.localtime(publication.scheduled_at)
        return _("“%(title)s” has been approved; it will be published on %(date)s.") % {
            "title": title,
            "date": formats.date_format(go_live_at, "SHORT_DATETIME_FORMAT"),
        }
    if publication.live:
        return _("“%(title)s” has been approved and published.") % {"title": title}
    return _("“%(title)s” has been approved.") % {"title": title}
