"""Coordinators' permissions and the review workflow, derived from the page tree.

Each working group page is the root of its section. Provisioning gives the
group, in every language it is translated to:

* a Django group of its coordinators (the page's ``coordinators``), allowed to
  reach the admin and to add and edit pages only inside that section, without
  publishing: what they write goes through the secretariat's review;
* the right to add news items and events under every news index and agenda,
  editable by them only while they name the group (``news.group_scope``);
* a collection of its own, where the coordinators may add, change and choose
  images and documents (not delete: a file may be used by a published page);
* the secretariat's review workflow on the working group index, so that every
  group section goes through it.

Everything is stored in Wagtail's own models (``GroupPagePermission``,
``GroupCollectionPermission``, ``WorkflowPage``); nothing here is a parallel
permission system. Provisioning is idempotent: signals run it when a group page
is created, published, moved or deleted, and ``manage.py
provision_working_groups`` re-applies it for every group.

Closing a group (status "closed", once published) withdraws its coordinators'
permissions but keeps the group, its members and its collection: a closed
group's products are the network's record and only the secretariat changes
them; reopening the group restores its coordinators' access as it was.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import Truncator

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from news.group_scope import places_for_group_items
from publishing.translations import source_page

from .models import WorkingGroupAccess, WorkingGroupIndexPage, WorkingGroupPage

SECRETARIAT_GROUP = "Secretaria tècnica"
REVIEW_WORKFLOW = "Revisió de la secretaria tècnica"
REVIEW_TASK = "Aprovació de la secretaria tècnica"

COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
# Under the news index and the agenda: add only; ``news.group_scope`` scopes the rest.
COORDINATOR_GROUP_ITEM_PERMISSIONS = ["add_page"]
COORDINATOR_COLLECTION_ACTIONS = ["add", "change", "choose"]
# Wagtail checks document and image permissions against its own models.
MEDIA_MODELS = [("wagtaildocs", "document"), ("wagtailimages", "image")]


def coordinators_group_name(title):
    return Truncator(f"Coordinació: {title}").chars(150)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def provision_working_group(group_page):
    """Bring the coordinators' group, collection and permissions of this group up to date."""
    pages = list(
        WorkingGroupPage.objects.filter(translation_key=group_page.translation_key).order_by("pk")
    )
    access, _ = WorkingGroupAccess.objects.select_for_update().get_or_create(
        translation_key=group_page.translation_key
    )
    if not pages:
        if access.coordinators_group:
            _withdraw_permissions(access.coordinators_group)
        return access
    page = source_page(pages)
    group = _ensure_coordinators_group(access, page)
    collection = _ensure_collection(access, page)
    if access.coordinators_group_id != group.pk or access.collection_id != collection.pk:
        access.coordinators_group = group
        access.collection = collection
        access.save()
    group.user_set.set(page.coordinators.all())
    if page.is_closed:
        _withdraw_permissions(group)
    else:
        _grant_permissions(group, pages, collection)
    return access


def _ensure_coordinators_group(access, page):
    name = coordinators_group_name(page.title)
    group = access.coordinators_group
    if group is None:
        # Adopt a group made before access was recorded (same name, not another group's).
        group = Group.objects.filter(name=name, working_group_access__isnull=True).first()
        if group is None:
            group = Group.objects.create(name=_free_group_name(name))
    elif group.name != name:
        group.name = _free_group_name(name, exclude_pk=group.pk)
        group.save(update_fields=["name"])
    return group


def _free_group_name(name, exclude_pk=None):
    taken = Group.objects.exclude(pk=exclude_pk).filter(name=name).exists()
    if not taken:
        return name
    suffix = 2
    while Group.objects.exclude(pk=exclude_pk).filter(name=f"{name} ({suffix})").exists():
        suffix += 1
    return f"{name} ({suffix})"


def _ensure_collection(access, page):
    collection = access.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=page.title)
    elif collection.name != page.title:
        collection.name = page.title
        collection.save(update_fields=["name"])
    return collection


def _grant_permissions(group, pages, collection):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    page_permissions = [
        _permission("wagtailcore", codename) for codename in COORDINATOR_PAGE_PERMISSIONS
    ]
    item_permissions = [
        _permission("wagtailcore", codename) for codename in COORDINATOR_GROUP_ITEM_PERMISSIONS
    ]
    places = places_for_group_items()
    GroupPagePermission.objects.filter(group=group).exclude(
        page__in=pages, permission__in=page_permissions
    ).exclude(page__in=places, permission__in=item_permissions).delete()
    for page in pages:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for page in places:
        for permission in item_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    media_permissions = [
        _permission(app_label, f"{action}_{model_name}")
        for app_label, model_name in MEDIA_MODELS
        for action in COORDINATOR_COLLECTION_ACTIONS
    ]
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=media_permissions
    ).delete()
    for permission in media_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _withdraw_permissions(group):
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()
    group.permissions.remove(_permission("wagtailadmin", "access_admin"))


def ensure_review_workflow():
    """The secretariat's one-step approval workflow; the secretariat also chooses coordinators."""
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    secretariat.permissions.add(_permission("groups", "assign_coordinators"))
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.add(secretariat)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def attach_review_workflow(index_page):
    """Put the group sections under review, unless the secretariat chose another workflow there."""
    workflow = ensure_review_workflow()
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})


def replace_unstaffed_site_workflow():
    """Let the secretariat review the rest of the site too, if nobody else could.

    Wagtail installs a "Moderators approval" workflow on the root for a
    "Moderators" group. Where no one belongs to the groups of that workflow's
    tasks, a submission outside the group sections (news, the library) would
    wait for nobody; the secretariat's review takes its place. A workflow that
    has reviewers is left alone.
    """
    root_assignment = WorkflowPage.objects.filter(page=Page.get_first_root_node()).first()
    if root_assignment is None:
        return
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=root_assignment.workflow)
    reviewing_groups = Group.objects.filter(
        pk__in=GroupApprovalTask.groups.through.objects.filter(groupapprovaltask__in=tasks).values(
            "group"
        )
    )
    if get_user_model().objects.filter(groups__in=reviewing_groups).exists():
        return
    root_assignment.workflow = ensure_review_workflow()
    root_assignment.save()


def provision_everything():
    """Re-apply provisioning to every working group index and every working group."""
    for index_page in WorkingGroupIndexPage.objects.all():
        attach_review_workflow(index_page)
    replace_unstaffed_site_workflow()
    keys = set(WorkingGroupPage.objects.values_list("translation_key", flat=True))
    keys |= set(WorkingGroupAccess.objects.values_list("translation_key", flat=True))
    results = []
    for key in sorted(keys, key=str):
        results.append(provision_working_group(WorkingGroupPage(translation_key=key)))
    return results


def access_for_page(page):
    """The provisioning of the working group whose section holds this page, or None."""
    group_page = page.get_ancestors(inclusive=True).type(WorkingGroupPage).last()
    if group_page is None:
        return None
    return WorkingGroupAccess.objects.filter(translation_key=group_page.translation_key).first()


def coordinators_of(page):
    """The coordinators of the working group whose section holds this page."""
    access = access_for_page(page)
    if access is None or access.coordinators_group is None:
        return get_user_model().objects.none()
    return access.coordinators_group.user_set.all()
