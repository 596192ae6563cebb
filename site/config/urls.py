"""Site-wide URL wiring. Public pages live under a language prefix (/ca/, /es/, /en/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_control

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from documents.originals import serve_original_image
from home.sitemaps import AllLanguagesSitemap
from home.views import robots_txt
from operations.health import health
from search import urls as search_urls

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Before the DEBUG media server below: originals are served only when public.
    path("media/original_images/<path:name>", serve_original_image, name="original_image"),
    path("api/v2/", api_router.urls),
    *search_urls.api_urls,
    path(
        "sitemap.xml",
        cache_control(max_age=3600)(sitemap),
        {"sitemaps": {"pages": AllLanguagesSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Project apps add their language-prefixed views here, before Wagtail's catch-all.
localized_app_urls = [
    path("", include("news.urls")),
    path("", include("subscriptions.urls")),
    *search_urls.page_urls,
]

urlpatterns += i18n_patterns(
    *localized_app_urls,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
