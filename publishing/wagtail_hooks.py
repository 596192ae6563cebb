"""Admin wiring of the publishing app."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .missing_translations import MissingTranslationsView, may_translate


@hooks.register("register_admin_urls", order=-1)
def translation_views_that_publish_nothing():
    """wagtail-localize's submit and sync paths, answered by ``publishing.views``.

    Registered before wagtail-localize's own URLs (``order=-1``), so these paths
    resolve here while its named URLs, which its buttons reverse, stay the same.
    """
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.DraftPageTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.SyncWithoutPublishingView.as_view(),
        ),
    ]


# --- Reports › Missing translations (``publishing.missing_translations``) -------------------


@hooks.register("register_admin_urls")
def missing_translations_url():
    return [
        path(
            "reports/missing-translations/",
            MissingTranslationsView.as_view(),
            name="missing_translations",
        )
    ]


class MissingTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_translate(request.user)


@hooks.register("register_reports_menu_item")
def missing_translations_menu_item():
    return MissingTranslationsMenuItem(
        _("Missing translations"),
        reverse("missing_translations"),
        icon_name="wagtail-localize-language",
        order=950,
    )
