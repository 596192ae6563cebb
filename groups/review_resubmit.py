"""A coordinator whose page was sent back: the reviewer's comment on top, one clear *Resubmit*.

Wagtail's editor offers a page waiting for changes three unexplained choices
(*Resubmit*, *Restart workflow*, *Cancel workflow*) behind *Save draft*, and
shows the reviewer's comment only in the side panel's history. For someone who
cannot publish the page (a coordinator), the editor here says what the
secretariat asked, makes *Resubmit* the main button, and drops restarting
(which for a one-step review is the same as resubmitting) and cancelling (which
would leave the page a draft nobody reviews). The secretariat keeps every choice.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.models import WorkflowState

SUBMIT = "action-submit"
HIDDEN_FROM_AUTHORS = {"action-restart-workflow", "action-cancel-workflow"}


def _sent_back(page):
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return state


def say_what_was_asked(request, page):
    """``before_edit_page``: on opening the editor, the reviewer's request as a message."""
    if request.method != "GET":
        return None
    state = _sent_back(page)
    if state is None:
        return None
    step = state.current_task_state
    reviewer = step.finished_by
    name = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else ""
    text = _("%(reviewer)s sent this page back for changes.") % {"reviewer": name or "—"}
    if step.comment:
        text += " " + _("Their comment: “%(comment)s”") % {"comment": step.comment}
    text += " " + _("Make the changes, then press “Resubmit”.")
    messages.warning(request, text)
    return None


def one_clear_resubmit(menu_items, request, context):
    """``construct_page_action_menu``: *Resubmit* first, the confusing choices hidden."""
    page = context.get("page")
    if context.get("view") != "edit" or page is None or _sent_back(page) is None:
        return
    if context["user_page_permissions_tester"].can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name not in HIDDEN_FROM_AUTHORS]
    menu_items.sort(key=lambda item: item.name != SUBMIT)
