"""Keep provisioning in step with the page tree, and notify coordinators.

A working group's permissions follow its *published* state (title, status,
coordinators), so provisioning runs on creation, publication, move and
deletion rather than on every draft save.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, post_page_move, workflow_approved, workflow_rejected

from .models import WorkingGroupIndexPage, WorkingGroupPage
from .notifications import CoordinatorsApprovalNotifier, CoordinatorsRejectionNotifier
from .provisioning import attach_review_workflow, provision_working_group


@receiver(post_save, sender=WorkingGroupPage, dispatch_uid="groups_provision_created_group")
def provision_created_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        provision_working_group(instance)


@receiver(page_published, sender=WorkingGroupPage, dispatch_uid="groups_provision_published_group")
def provision_published_group(sender, instance, **kwargs):
    provision_working_group(instance)


@receiver(post_page_move, sender=WorkingGroupPage, dispatch_uid="groups_provision_moved_group")
def provision_moved_group(sender, instance, **kwargs):
    provision_working_group(instance)


@receiver(post_delete, sender=WorkingGroupPage, dispatch_uid="groups_withdraw_deleted_group")
def withdraw_deleted_group(sender, instance, **kwargs):
    provision_working_group(instance)


@receiver(post_save, sender=WorkingGroupIndexPage, dispatch_uid="groups_review_new_index")
def review_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_review_workflow(instance)


# Module-level, as signals hold their receivers by weak reference.
coordinators_approval_notifier = CoordinatorsApprovalNotifier()
coordinators_rejection_notifier = CoordinatorsRejectionNotifier()
workflow_approved.connect(
    coordinators_approval_notifier, dispatch_uid="groups_coordinators_approval_email"
)
workflow_rejected.connect(
    coordinators_rejection_notifier, dispatch_uid="groups_coordinators_rejection_email"
)
