"""Coordinators' permissions, derived from the page tree.

Each working group page is the root of its section; the group's coordinators
get a Django group that may reach the admin and add and edit pages only inside
that section. Wagtail's own permission models hold the result: nothing here
adds a parallel permission system.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def coordinators_group_name(group_page):
    return f"Coordinació: {group_page.title}"


def ensure_coordinators_group(group_page):
    """The Django group of this working group's coordinators, with its page permissions."""
    group, _ = Group.objects.get_or_create(name=coordinators_group_name(group_page))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in COORDINATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=group_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group
