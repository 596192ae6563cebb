"""Who may see subscribers: the technical secretariat, and only it.

Plain Django model permissions (``subscriptions.view_subscriber`` …) that the
demo gives to *Secretaria tècnica* (``grant_secretariat_permissions``); every
admin view of this app checks them, so a coordinator gets "permission denied"
from every URL, not only a missing menu item.

No one, superusers included, adds or deletes a subscriber in the admin: people
join through double opt-in, and leave through their link or an erasure.
"""

from functools import wraps

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from wagtail.permission_policies import ModelPermissionPolicy

NEVER_IN_THE_ADMIN = {"add", "delete"}


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in NEVER_IN_THE_ADMIN and super().user_has_permission(user, action)


def subscriptions_permissions():
    return Permission.objects.filter(content_type__app_label="subscriptions")


def grant_secretariat_permissions(group):
    group.permissions.add(*subscriptions_permissions())
    return group


def forbidden_when_denied(view):
    """Answer a refusal with 403, where Wagtail's admin would redirect to the dashboard:
    nobody, person or program, can take a refusal here for anything else."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(
                request, "subscriptions/admin/permission_denied.html", status=403
            )

    return checked
