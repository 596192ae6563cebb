"""Keep provisioning in step with the page tree, and notify coordinators.

A working group's permissions follow its *published* state (title, status,
coordinators), so provisioning runs on creation, publication, move and
deletion rather than on every draft save.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, post_page_move, workflow_approved, workflow_rejected

from news.models import AgendaPage, NewsIndexPage

from .models import WorkingGroupAccess, WorkingGroupIndexPage, WorkingGroupPage
from .notifications import CoordinatorsApprovalNotifier, CoordinatorsRejectionNotifier
from .provisioning import attach_review_workflow, provision_working_group


def provision_created_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        provision_working_group(instance)


def provision_published_group(sender, instance, **kwargs):
    provision_working_group(instance)


def provision_moved_group(sender, instance, **kwargs):
    provision_working_group(instance)


def withdraw_deleted_group(sender, instance, **kwargs):
    provision_working_group(instance)


def review_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_review_workflow(instance)


def open_new_place_to_coordinators(sender, instance, created, raw=False, **kwargs):
    """A new news index or agenda (a new language): coordinators may add their items there."""
    if created and not raw:
        for key in WorkingGroupAccess.objects.values_list("translation_key", flat=True):
            provision_working_group(WorkingGroupPage(translation_key=key))


# Module-level, as signals hold their receivers by weak reference.
coordinators_approval_notifier = CoordinatorsApprovalNotifier()
coordinators_rejection_notifier = CoordinatorsRejectionNotifier()


def connect():
    """Called once from ``GroupsConfig.ready``."""
    group = WorkingGroupPage
    post_save.connect(provision_created_group, sender=group, dispatch_uid="groups-created")
    page_published.connect(provision_published_group, sender=group, dispatch_uid="groups-published")
    post_page_move.connect(provision_moved_group, sender=group, dispatch_uid="groups-moved")
    post_delete.connect(withdraw_deleted_group, sender=group, dispatch_uid="groups-deleted")
    post_save.connect(
        review_new_index, sender=WorkingGroupIndexPage, dispatch_uid="groups-index-created"
    )
    for place in (NewsIndexPage, AgendaPage):
        post_save.connect(
            open_new_place_to_coordinators,
            sender=place,
            dispatch_uid=f"groups-new-{place._meta.model_name}",
        )
    workflow_approved.connect(
        coordinators_approval_notifier, dispatch_uid="groups_coordinators_approval_email"
    )
    workflow_rejected.connect(
        coordinators_rejection_notifier, dispatch_uid="groups_coordinators_rejection_email"
    )
