"""Registers subscribers in the admin, the bulletins' *Send by email* page and button,
the permission policy and the privacy log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from news.models import BulletinPage

from . import sending
from .admin_views import bulletin_sending
from .models import Sending, Subscriber
from .permissions import SubscriberPermissionPolicy, forbidden_when_denied
from .viewsets import SubscriberViewSet

register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def register_subscribers_viewset():
    return SubscriberViewSet()


@hooks.register("register_admin_urls")
def register_sending_urls():
    return [
        path(
            "subscriptions/bulletins/<int:page_id>/",
            forbidden_when_denied(bulletin_sending),
            name="subscriptions_bulletin_sending",
        )
    ]


@hooks.register("register_page_header_buttons")
def send_by_email_button(page, user, view_name, next_url=None):
    """On a bulletin's pages in the admin, for those who may edit it."""
    if page.specific_class is not BulletinPage or not page.permissions_for_user(user).can_edit():
        return
    label = _("Send by email")
    if Sending.objects.filter(bulletin_id=page.pk).exists():
        report = sending.report(page)
        label = _(
            "Sent by email: %(sent)s sent, %(failed)s failed, %(skipped)s skipped, "
            "%(waiting)s waiting"
        ) % vars(report)
    yield Button(
        label,
        url=reverse("subscriptions_bulletin_sending", args=[page.pk]),
        icon_name="mail",
        priority=40,
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        "subscriptions.export_personal_data",
        _("Export personal data"),
        _("Personal data exported"),
    )
