"""Admin: synonyms as a snippet, and a search analytics report in the Reports menu."""

import datetime

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import analytics
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["__str__", "language"]
    list_filter = ["language"]


register_snippet(SynonymViewSet)


class SearchAnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/analytics.html"
    page_title = _("Search analytics")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        weeks = analytics.weeks()
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        language = self.request.GET.get("language", "")
        if language not in languages:
            language = ""
        try:
            week = datetime.date.fromisoformat(self.request.GET.get("week", ""))
        except ValueError:
            week = weeks[0]
        if week not in weeks:
            week = weeks[0]
        context.update(
            report=analytics.report(language, week),
            weeks=weeks,
            week=week,
            languages=languages.items(),
            language=language,
        )
        return context


@hooks.register("register_admin_urls")
def register_analytics_url():
    return [path("search-analytics/", SearchAnalyticsView.as_view(), name="search_analytics")]


@hooks.register("register_reports_menu_item")
def register_analytics_menu_item():
    return AdminOnlyMenuItem(
        _("Search analytics"), reverse("search_analytics"), icon_name="search", order=900
    )
