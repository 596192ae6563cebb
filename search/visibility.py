"""Which entries the public may see, decided at query time from the live tables.

The index may lag behind an editor's change by a moment; privacy must not. So
every search filters entries through the page's current ``live``/``expired``
state and the current view restrictions of pages and collections.
"""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .models import SearchEntry


def restricted_page_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_collection_ids():
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return []
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return list(Collection.objects.filter(condition).values_list("id", flat=True))


def visible_condition(now=None, hidden_collections=None):
    """A ``Q`` on ``SearchEntry`` keeping only what an anonymous visitor may see."""
    now = now or timezone.now()
    pages = (
        Q(kind=SearchEntry.Kind.PAGE, page__live=True, page__expired=False)
        & (Q(page__expire_at__isnull=True) | Q(page__expire_at__gt=now))
        & (Q(page__go_live_at__isnull=True) | Q(page__go_live_at__lte=now))
    )
    for path in restricted_page_paths():
        pages &= ~Q(page__path__startswith=path)
    documents = Q(kind=SearchEntry.Kind.DOCUMENT)
    if hidden_collections is None:
        hidden_collections = restricted_collection_ids()
    if hidden_collections:
        documents &= ~Q(document__collection_id__in=hidden_collections)
    return pages | documents

