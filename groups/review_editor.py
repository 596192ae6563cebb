"""Review decisions taken in the page editor: once, by the real submission, on the open step.

The editor's review buttons add the decision to the edit form as hidden
inputs (``action-workflow-action``, ``workflow-action-name``) and submit it
(Wagtail's ``workflow-action.js``). The unsaved-changes watcher sees those
inputs as an edit, and autosave posted a copy of the form, decision included,
as JSON about a second later. When the two requests overlapped, the copy
saved the page again as the draft it had loaded (undoing the publication) and
failed with ``'NoneType' object has no attribute 'on_action'``. An autosave
never carries a decision: ``groups/js/review_actions.js`` drops such a copy
in the browser, and ``guard_editor_decision`` refuses it here.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import TaskState, WorkflowState

from .review import decision_message, not_in_review_message, offered_decisions, open_step

DECISION_FIELD = "action-workflow-action"
DECISION_NAME_FIELD = "workflow-action-name"
CANCEL_FIELD = "action-cancel-workflow"
# Set on the request by the guard, read once the edit view has acted.
OPEN_STEP_ATTRIBUTE = "_groups_review_step_id"


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
