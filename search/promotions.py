"""Editors' promoted results for a query, limited to pages the public may see."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from . import text
from .models import SearchEntry


def _all_promotions():
    """Every promotion with its query string and page, kept until the public view changes
    (saving a promotion changes it: ``PUBLIC_DATA_MODELS``); editors promote a few."""
    from operations.public_snapshot import once_per_public_change

    def compute():
        return list(
            SearchPromotion.objects.select_related("query", "page").order_by("sort_order", "pk")
        )

    return once_per_public_change(("search:promotions",), compute)


def visible_promotions(params, visible_entries):
    """Editors' promoted results for this query, limited to pages the public may see."""
    candidates = {text.analytics_key(params.q), normalise_query_string(params.q)}
    promotions = [p for p in _all_promotions() if p.query.query_string in candidates]
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    if not page_ids:
        return promotions
    visible = set(
        visible_entries.filter(kind=SearchEntry.Kind.PAGE, page_id__in=page_ids).values_list(
            "page_id", flat=True
        )
    )
    return [p for p in promotions if not p.page_id or p.page_id in visible]
