from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from publishing.visibility import public_pages


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap covers the site's root tree only, which is one language;
    this one walks the root page's translations too, so every language is listed."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        tree = reduce(or_, (Q(path__startswith=root.path) for root in roots), Q(pk__in=[]))
        # ``defer=True``: each page's own class (its ``get_sitemap_urls``) without a query
        # per page type; the sitemap reads only the base page's fields.
        return (
            public_pages(Page.objects.filter(tree))
            .order_by("path")
            .defer_streamfields()
            .specific(defer=True)
        )
