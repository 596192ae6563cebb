"""File admin wiring: removal rules on Wagtail's document and image views, and the
secretariat's *Public collections*."""

from django.urls import path

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from publishing.models import PublicCollection

from . import admin_views
from .public_collections import PublicCollectionViewSet, PublishCollectionsPolicy

# Before anything asks the registry for it (Wagtail would otherwise make a fallback).
register_permission_policy(PublicCollection, PublishCollectionsPolicy(PublicCollection))


@hooks.register("register_admin_urls", order=-1)
def file_views_that_keep_live_pages_whole():
    """Wagtail's own paths, answered by ``documents.admin_views``.

    Registered before Wagtail's URLs (``order=-1``), so these paths resolve here
    while the named URLs that Wagtail's buttons reverse stay the same.
    """
    return [
        path("documents/edit/<int:document_id>/", admin_views.DocumentEditView.as_view()),
        path("documents/delete/<int:document_id>/", admin_views.DocumentDeleteView.as_view()),
        path(
            "documents/multiple/<int:doc_id>/delete/",
            admin_views.DocumentMultipleDeleteView.as_view(),
        ),
        path("images/<int:image_id>/", admin_views.ImageEditView.as_view()),
        path("images/<int:image_id>/delete/", admin_views.ImageDeleteView.as_view()),
        path(
            "images/multiple/<int:image_id>/delete/",
            admin_views.ImageMultipleDeleteView.as_view(),
        ),
    ]


# After Wagtail's own (``order=1``): the registry keeps the last action of each type.
hooks.register("register_bulk_action", admin_views.DocumentBulkDelete, order=1)
hooks.register("register_bulk_action", admin_views.ImageBulkDelete, order=1)


@hooks.register("register_admin_viewset")
def public_collections():
    return PublicCollectionViewSet("public_collections")
