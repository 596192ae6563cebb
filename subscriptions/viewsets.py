"""Subscribers in the admin, for the secretariat: search, filters, CSV and XLSX export,
personal-data export and erasure. Every view checks ``subscriptions`` model
permissions (see ``subscriptions.permissions``)."""

import django_filters

from django.apps import apps
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.utils.urlpatterns import decorate_urlpatterns

from members.models.directory import source_language_groups
from members.views.spreadsheets import ExcelFriendlyCsvMixin

from .admin_views import erase, export_subscriber
from .models import Subscriber
from .permissions import forbidden_when_denied
from .privacy import csv_safe


def working_groups_in_default_language(request):
    return apps.get_model("groups", "WorkingGroupPage").objects.filter(**source_language_groups())


class SubscriberFilterSet(WagtailFilterSet):
    groups = django_filters.ModelChoiceFilter(
        label=_("Working group"), queryset=working_groups_in_default_language
    )

    class Meta:
        model = Subscriber
        fields = ["state", "language", "bulletin", "groups"]


class SubscriberIndexView(ExcelFriendlyCsvMixin, generic.IndexView):
    """CSV cells that a spreadsheet could run as formulas are written as text."""

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class SubscriberEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm("subscriptions.export_personal_data"):
            for export_format, label in (
                ("json", _("Export personal data (JSON)")),
                ("csv", _("Export personal data (CSV)")),
            ):
                url = reverse(
                    "subscriptions_subscriber:export", args=[self.object.pk, export_format]
                )
                buttons.append(Button(label, url=url, icon_name="download", priority=60))
        if user.has_perm("subscriptions.erase_personal_data"):
            url = reverse("subscriptions_subscriber:erase", args=[self.object.pk])
            buttons.append(Button(_("Erase personal data"), url=url, icon_name="bin", priority=70))
        return buttons


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "subscriptions_subscriber"
    url_prefix = "subscriptions/subscribers"
    icon = "mail"
    menu_label = _("Bulletin subscribers")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    edit_view_class = SubscriberEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["language", "bulletin", "groups", "state"]
    list_display = ["email", "language", "state", "lists_label", "confirmed_at"]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    list_export = [
        "email",
        "language",
        "state",
        "lists_label",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "bounce_reason",
    ]
    export_filename = "subscribers"

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns() + [
            path("export/<int:pk>/<export_format>/", export_subscriber, name="export"),
            path("erase/<int:pk>/", erase, name="erase"),
        ]
        return decorate_urlpatterns(patterns, forbidden_when_denied)
