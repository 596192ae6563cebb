"""The secretariat's review decisions, wherever the admin offers them.

Wagtail offers a decision on a page in review in two places: the editor's
action menu, where the edit view takes it together with the form's changes,
and the dashboard's "awaiting your review" panel, whose buttons post to a
workflow action view (``groups.review_dashboard``). Both take a decision only
on the review step that is open now, and tell the reviewer what it did.

The editor needs a guard of its own. Its workflow buttons add the decision to
the edit form as hidden inputs (``action-workflow-action``,
``workflow-action-name``) and submit it; the unsaved-changes watcher sees
those inputs as an edit, and autosave posts a copy of the form, decision
included, as JSON about a second later. When the two requests overlapped, the
copy saved the page again as the draft it had loaded (undoing the
publication) and failed with ``'NoneType' object has no attribute
'on_action'``. An autosave never carries a decision: the browser script
(``groups/js/review_actions.js``) drops such a copy and the edit view refuses
it here.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState, WorkflowState

DECISION_FIELD = "action-workflow-action"
DECISION_NAME_FIELD = "workflow-action-name"
CANCEL_FIELD = "action-cancel-workflow"
# Set on the request by the edit view's guard, read once the view has acted.
OPEN_STEP_ATTRIBUTE = "_groups_review_step_id"


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
    fresh = type(obj)._default_manager.get(pk=obj.pk)
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
    """What the reviewer is told once their decision on ``task_state`` is recorded."""
    task_state.refresh_from_db()
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
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
    publication = publication_of(page)
    if publication.scheduled_at is not None:
        go_live_at = timezone.localtime(publication.scheduled_at)
        return _("“%(title)s” has been approved; it will be published on %(date)s.") % {
            "title": title,
            "date": formats.date_format(go_live_at, "SHORT_DATETIME_FORMAT"),
        }
    if publication.live:
        return _("“%(title)s” has been approved and published.") % {"title": title}
    return _("“%(title)s” has been approved.") % {"title": title}


def guard_editor_decision(request, page):
    """``before_edit_page``: a decision from the editor is taken once, on the open step.

    Returns a response that ends the request when the post must not go on.
    """
    if request.method != "POST":
        return None
    if DECISION_FIELD in request.POST:
        return _guard_decision(request, page)
    if CANCEL_FIELD in request.POST and not _has_open_workflow(page):
        messages.error(request, not_in_review_message(page))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def _guard_decision(request, page):
    if not request.accepts("text/html"):
        # Autosave's copy of a form whose review button was just pressed.
        return JsonResponse(
            {
                "success": False,
                "error_code": "blocked_by_hook",
                "error_message": _("A review decision is sent by its button, not by autosave."),
            },
            status=400,
        )
    step = open_step(page)
    if step is None:
        messages.error(request, not_in_review_message(page))
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.POST.get(DECISION_NAME_FIELD) not in offered_decisions(step, page, request.user):
        messages.error(
            request,
            _("You cannot take this review decision on “%(title)s”.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    setattr(request, OPEN_STEP_ATTRIBUTE, step.pk)
    return None


def confirm_editor_decision(request, page):
    """``after_edit_page``: say what the decision taken in the editor did."""
    step_id = getattr(request, OPEN_STEP_ATTRIBUTE, None)
    if step_id is None:
        return None
    step = (
        TaskState.objects.filter(pk=step_id, finished_by=request.user)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .first()
    )
    if step is not None:
        messages.success(request, decision_message(step))
    return None


def _has_open_workflow(page):
    return WorkflowState.objects.for_instance(page).active().exists()
