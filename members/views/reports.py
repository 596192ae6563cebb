"""Admin reports built from members' needs and advice, with CSV and XLSX export.

Wagtail's ``ReportView`` gives the admin look, the filter panel and the
spreadsheet export (openpyxl for XLSX). Rows are plain dicts from
``members.reports``; the CSV starts with a byte-order mark so that spreadsheet
programs read it as UTF-8 (accents in county and member names).
"""

import django_filters

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from members import reports
from members.models import AdviceRequest, NeedsResponse

from .spreadsheets import ExcelFriendlyCsvMixin


def _year_choices():
    return [(year, str(year)) for year in reports.report_years()]


class YearFilterSet(WagtailFilterSet):
    """Only chooses the year; the report functions apply it to their own rows."""

    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_year_choices, empty_label=_("All years"), method="keep_all"
    )

    class Meta:
        model = NeedsResponse
        fields = []

    def keep_all(self, queryset, name, value):
        return queryset


class MembersReportView(ExcelFriendlyCsvMixin, ReportView):
    """A table of aggregate rows; subclasses set ``fields`` (key → heading) and ``build_rows``."""

    filterset_class = YearFilterSet
    results_template_name = "members/admin/report_results.html"
    paginate_by = None
    header_icon = "table"
    fields = {}
    permission_model = NeedsResponse
    any_permission_required = ["view", "change"]
    export_name = "report"

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(self.permission_model)

    @property
    def list_export(self):
        return list(self.fields)

    @property
    def export_headings(self):
        return self.fields

    @property
    def columns(self):
        return [Column(key, label=label, accessor=key) for key, label in self.fields.items()]

    @cached_property
    def year(self):
        if self.filters and self.filters.is_valid():
            year = self.filters.form.cleaned_data.get("year")
            return int(year) if year else None
        return None

    def get_filename(self):
        return f"{self.export_name}-{self.year}" if self.year else self.export_name

    def get_index_url(self):
        return reverse(self.index_url_name)

    def get_index_results_url(self):
        return reverse(self.index_results_url_name)

    def get_filtered_queryset(self):
        return self.build_rows(self.year)

    def get_context_data(self, *args, **kwargs):
        # The year and the downloads sit on the report's face, not behind the filter drawer
        # and the "Actions" menu (members/admin/report_results.html).
        context = super().get_context_data(*args, **kwargs)
        context["year_choices"] = _year_choices()
        return context

    def get_queryset(self):
        return self.get_filtered_queryset()


class NeedsByAreaAndCountyReport(MembersReportView):
    page_title = _("Needs by area and county")
    index_url_name = "members_reports:needs"
    index_results_url_name = "members_reports:needs_results"
    export_name = "needs-by-area-and-county"
    fields = {"area": _("Area of need"), "county": _("County"), "responses": _("Answers")}

    def build_rows(self, year):
        return reports.needs_by_area_and_county(year)


class ExpectedHiringReport(MembersReportView):
    page_title = _("Expected hiring by sector")
    index_url_name = "members_reports:hiring"
    index_results_url_name = "members_reports:hiring_results"
    export_name = "expected-hiring-by-sector"
    fields = {
        "sector": _("Sector"),
        "year": _("Year"),
        "responses": _("Answers"),
        "contracts": _("Contracts"),
        "amount": _("Estimated amount (€)"),
    }

    def build_rows(self, year):
        return reports.expected_hiring_by_sector(year)


class WorkshopTopicsReport(MembersReportView):
    page_title = _("Workshop topics wanted")
    index_url_name = "members_reports:workshops"
    index_results_url_name = "members_reports:workshops_results"
    export_name = "workshop-topics"
    fields = {"topic": _("Topic"), "requests": _("Answers asking for it")}

    def build_rows(self, year):
        return reports.workshop_topics_wanted(year)


class AdviceHoursReport(MembersReportView):
    page_title = _("Advice hours by member and topic")
    index_url_name = "members_reports:advice_hours"
    index_results_url_name = "members_reports:advice_hours_results"
    results_template_name = "members/admin/advice_hours_results.html"
    export_name = "advice-hours"
    permission_model = AdviceRequest
    fields = {
        "member": _("Member"),
        "topic": _("Topic"),
        "requests": _("Requests"),
        "hours": _("Hours"),
    }

    def build_rows(self, year):
        return reports.advice_hours_by_member_and_topic(year)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.year:
            context["bag"] = reports.hours_bag_summary(self.year)
        return context


REPORTS = [
    ("needs", NeedsByAreaAndCountyReport),
    ("hiring", ExpectedHiringReport),
    ("workshops", WorkshopTopicsReport),
    ("advice_hours", AdviceHoursReport),
]
