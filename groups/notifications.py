"""Workflow emails for a group's coordinators.

Wagtail already tells the secretariat (the review task's group) about a
submission, and the submitter about the approval or rejection. These notifiers
add the other coordinators of the group whose section holds the page, with
Wagtail's own templates and each person's notification preferences.
"""

from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import Page

from .provisioning import coordinators_of


def _fellow_coordinators(workflow_state, triggering_user):
    page = workflow_state.content_object
    if not isinstance(page, Page):
        return set()
    already_told = {workflow_state.requested_by_id, getattr(triggering_user, "pk", None)}
    return {user for user in coordinators_of(page) if user.pk not in already_told}


class CoordinatorsApprovalNotifier(WorkflowStateApprovalEmailNotifier):
    def get_recipient_users(self, workflow_state, **kwargs):
        return _fellow_coordinators(workflow_state, kwargs.get("user"))


class CoordinatorsRejectionNotifier(WorkflowStateRejectionEmailNotifier):
    def get_recipient_users(self, workflow_state, **kwargs):
        return _fellow_coordinators(workflow_state, kwargs.get("user"))
