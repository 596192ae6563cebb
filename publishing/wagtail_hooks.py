"""Admin wiring of the publishing app."""

from django.urls import path

from wagtail import hooks

from . import views


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
