"""Who may see members' records: the technical secretariat, and only it.

Plain Django model permissions, which Wagtail's ModelViewSets check on every
view; a group without them (coordinators, other editors) gets "permission
denied" from every members URL in the admin.
"""

from django.contrib.auth.models import Permission

SECRETARIAT_GROUP = "Secretaria tècnica"
PRIVACY_CODENAMES = ["export_personal_data", "erase_personal_data"]


def members_permissions():
    """Every permission of the members app: add/change/delete/view of each model, export, erase."""
    return Permission.objects.filter(content_type__app_label="members")


def grant_secretariat_permissions(group):
    group.permissions.add(*members_permissions())
    return group
