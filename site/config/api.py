"""Wagtail API v2, public content only, as ``publishing.visibility`` decides.

Pages: ``public_pages`` (live, in their window, not private, and so is every
ancestor: a live child of an unpublished section is left out). Documents and
images: ``public_files`` (used by a public page, or in a published collection;
never in a view-restricted one). Listings, details and ``find`` all start from
these querysets. ``?search=`` is off (``WAGTAILAPI_SEARCH_ENABLED``): it would read
Wagtail's own index, which holds drafts; the public search is ``/api/search/``.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from publishing.visibility import public_files, public_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # The base of ``get_queryset`` and of the ``child_of``/``descendant_of`` lookups.
        return public_pages(super().get_base_queryset())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return public_files(super().get_queryset())


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return public_files(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
