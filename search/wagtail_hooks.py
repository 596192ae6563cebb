"""Admin: synonyms as a snippet, and a search analytics report in the Reports menu."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from operations.admin_refusal import forbidden_when_denied

from . import analytics
from .models import QueryRecord, Synonym

# Visitors' searches may hold personal data: only holders of "view search query records"
# (the secretariat) read them, in the menu and at the address alike.
analytics_permission = ModelPermissionPolicy(QueryRecord)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["__str__", "language"]
    list_filter = ["language"]


register_snippet(SynonymViewSet)


class SearchAnalyticsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = analytics_permission
    permission_required = "view"
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
    view = forbidden_when_denied(SearchAnalyticsView.as_view())
    return [path("search-analytics/", view, name="search_analytics")]


class SearchAnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return analytics_permission.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_analytics_menu_item():
    return SearchAnalyticsMenuItem(
        _("Search analytics"), reverse("search_analytics"), icon_name="search", order=900
    )


@hooks.register("register_permissions")
def register_analytics_permission():
    """Lists "view search query records" in the admin's group editor, so that the
    secretariat's access to search analytics is managed with its other permissions."""
    return Permission.objects.filter(content_type__app_label="search", codename="view_queryrecord")
