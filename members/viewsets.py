"""The members section of the admin: one ModelViewSet per record, grouped in one menu.

Every view checks Django model permissions (``members.view_member`` …) that
only the secretariat's group holds (see ``members.permissions``): coordinators
and other editors get a "permission denied" from every URL here.
"""

import django_filters

from django.apps import apps
from django.urls import path, register_converter, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button

from .models import (
    COUNTY_CHOICES,
    AdviceHoursBag,
    AdviceRequest,
    Area,
    Member,
    NeedsResponse,
    OnboardingMeeting,
)
from .models.directory import source_language_groups
from .views.privacy import erase_member, export_member
from .views.spreadsheets import ExcelFriendlyCsvMixin


class YesNoColumn(BooleanColumn):
    """Wagtail's boolean column titles its icon with the raw "True"/"False",
    which screen readers read out in English: this one says yes or no in the
    admin's language."""

    cell_template_name = "members/admin/yes_no_cell.html"


class ExportFormatConverter:
    regex = "json|csv"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormatConverter, "export_format")


def working_groups_in_default_language(request):
    """Evaluated per request: the groups' table and locales must not be read at import time."""
    return apps.get_model("groups", "WorkingGroupPage").objects.filter(**source_language_groups())


class MemberFilterSet(WagtailFilterSet):
    county = django_filters.ChoiceFilter(label=_("County"), choices=COUNTY_CHOICES)
    working_groups = django_filters.ModelChoiceFilter(
        label=_("Working group"), queryset=working_groups_in_default_language
    )

    class Meta:
        model = Member
        fields = [
            "kind",
            "status",
            "county",
            "population_band",
            "publish_in_directory",
            "working_groups",
        ]


class ListingView(ExcelFriendlyCsvMixin, generic.IndexView):
    """The listings' CSV downloads open in a spreadsheet with their accents intact."""


class RecordViewSet(ModelViewSet):
    """A members' record type whose messages agree with its name's gender.

    Wagtail's messages put the model's name into one sentence ("%(model_name)s
    '%(object)s' created."), which Catalan and Spanish translate with one
    gender: "Petició d'assessorament '…' creat". Each record type gives its own
    sentences instead, so that translators can make them agree.
    """

    created_message = None
    updated_message = None
    deleted_message = None

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(success_message=self.created_message, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(success_message=self.updated_message, **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(success_message=self.deleted_message, **kwargs)


class MemberEditView(generic.EditView):
    """Adds the privacy actions (export, erase) to the member's edit page."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm("members.export_personal_data"):
            for export_format, label in (
                ("json", _("Export personal data (JSON)")),
                ("csv", _("Export personal data (CSV)")),
            ):
                buttons.append(
                    Button(
                        label,
                        url=reverse("members_member:export", args=[self.object.pk, export_format]),
                        icon_name="download",
                        priority=60,
                    )
                )
        if user.has_perm("members.erase_personal_data"):
            buttons.append(
                Button(
                    _("Erase personal data"),
                    url=reverse("members_member:erase", args=[self.object.pk]),
                    icon_name="bin",
                    priority=70,
                )
            )
        return buttons


class MemberViewSet(RecordViewSet):
    index_view_class = ListingView
    model = Member
    created_message = _("Member '%(object)s' created.")
    updated_message = _("Member '%(object)s' updated.")
    deleted_message = _("Member '%(object)s' deleted.")
    name = "members_member"
    url_prefix = "members/directory"
    icon = "group"
    menu_label = _("Member directory")
    edit_view_class = MemberEditView
    list_display = [
        "name",
        "kind",
        "county",
        "status",
        "date_joined",
        YesNoColumn("publish_in_directory", label=_("Public")),
    ]
    filterset_class = MemberFilterSet
    search_fields = ["name"]
    list_export = [
        "name",
        "kind",
        "county",
        "population_band",
        "date_joined",
        "status",
        "publish_in_directory",
    ]
    export_filename = "members"
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("export/<int:pk>/<export_format:export_format>/", export_member, name="export"),
            path("erase/<int:pk>/", erase_member, name="erase"),
        ]


class NeedsResponseFilterSet(WagtailFilterSet):
    county = django_filters.ChoiceFilter(label=_("County"), choices=COUNTY_CHOICES)
    area = django_filters.ChoiceFilter(
        label=_("Area of need"), field_name="areas__area", choices=Area.choices, distinct=True
    )

    class Meta:
        model = NeedsResponse
        fields = ["year", "county", "review_status", "member"]


class NeedsResponseViewSet(RecordViewSet):
    index_view_class = ListingView
    model = NeedsResponse
    created_message = _("Needs answer '%(object)s' created.")
    updated_message = _("Needs answer '%(object)s' updated.")
    deleted_message = _("Needs answer '%(object)s' deleted.")
    name = "members_needs"
    url_prefix = "members/needs"
    icon = "form"
    menu_label = _("Needs answers")
    list_display = ["__str__", "county", "area_labels", "review_status", "submitted_at"]
    filterset_class = NeedsResponseFilterSet
    search_fields = ["organisation_name"]
    list_export = [
        "organisation_name",
        "county",
        "year",
        "area_labels",
        "review_status",
        "submitted_at",
    ]
    export_filename = "needs-answers"
    inspect_view_enabled = True
    copy_view_enabled = False


class OnboardingMeetingFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Year"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = OnboardingMeeting
        fields = ["member"]


class OnboardingMeetingViewSet(RecordViewSet):
    model = OnboardingMeeting
    created_message = _("Onboarding meeting '%(object)s' created.")
    updated_message = _("Onboarding meeting '%(object)s' updated.")
    deleted_message = _("Onboarding meeting '%(object)s' deleted.")
    name = "members_onboarding"
    url_prefix = "members/onboarding"
    icon = "calendar"
    menu_label = _("Onboarding meetings")
    list_display = ["member", "held_on"]
    filterset_class = OnboardingMeetingFilterSet
    search_fields = ["member__name"]
    copy_view_enabled = False


class AdviceRequestFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="requested_on", lookup_expr="year"
    )

    class Meta:
        model = AdviceRequest
        fields = ["status", "topic", "preferred_format", "member"]


class AdviceRequestCreateView(generic.CreateView):
    """The new request's form opens with a row for the hours spent, so that advice
    already given is recorded at once (an untouched row is ignored)."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.formsets["sessions"].extra = 1
        return form


class AdviceRequestViewSet(RecordViewSet):
    index_view_class = ListingView
    add_view_class = AdviceRequestCreateView
    model = AdviceRequest
    created_message = _("Advice request '%(object)s' created.")
    updated_message = _("Advice request '%(object)s' updated.")
    deleted_message = _("Advice request '%(object)s' deleted.")
    name = "members_advice"
    url_prefix = "members/advice"
    icon = "help"
    menu_label = _("Advice requests")
    list_display = [
        "member",
        "topic",
        "preferred_format",
        "partner_organisation",
        "status",
        "requested_on",
        "hours_spent",
    ]
    filterset_class = AdviceRequestFilterSet
    search_fields = ["member__name", "partner_organisation"]
    list_export = [
        "member.name",
        "topic",
        "preferred_format",
        "partner_organisation",
        "status",
        "requested_on",
        "hours_spent",
    ]
    export_headings = {"member.name": _("Member")}
    export_filename = "advice-requests"
    copy_view_enabled = False


class AdviceHoursBagViewSet(RecordViewSet):
    model = AdviceHoursBag
    created_message = _("Bag of advice hours '%(object)s' created.")
    updated_message = _("Bag of advice hours '%(object)s' updated.")
    deleted_message = _("Bag of advice hours '%(object)s' deleted.")
    name = "members_hours"
    url_prefix = "members/hours"
    icon = "time"
    menu_label = _("Bags of advice hours")
    list_display = ["year", "hours", "hours_used", "hours_left"]
    copy_view_enabled = False


class MembersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = [
        MemberViewSet,
        NeedsResponseViewSet,
        OnboardingMeetingViewSet,
        AdviceRequestViewSet,
        AdviceHoursBagViewSet,
    ]
