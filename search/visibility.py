"""Which entries the public may see, decided at query time from the live tables.

The index may lag behind an editor's change by a moment; privacy must not. So
every search filters entries through the page's current ``live``/``expired``
state and the current view restrictions of pages and collections.
"""

from django.db.models import Q
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

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


def hidden_pages(now):
    """Pages the public may not see now (on PostgreSQL read through a small partial index)."""
    return Page.objects.filter(
        Q(live=False) | Q(expired=True) | Q(expire_at__lte=now) | Q(go_live_at__gt=now)
    ).values("pk")


def visible_condition(now=None, hidden_collections=None):
    """A ``Q`` on ``SearchEntry`` keeping only what an anonymous visitor may see.

    Written as exclusions of the few hidden pages and documents rather than as
    a join to every page, so checking thousands of matches stays cheap.
    """
    now = now or timezone.now()
    pages = Q(kind=SearchEntry.Kind.PAGE) & ~Q(page_id__in=hidden_pages(now))
    restricted = Q()
    for path in restricted_page_paths():
        restricted |= Q(path__startswith=path)
    if restricted:
        pages &= ~Q(page_id__in=Page.objects.filter(restricted).values("pk"))
    documents = Q(kind=SearchEntry.Kind.DOCUMENT)
    if hidden_collections is None:
        hidden_collections = restricted_collection_ids()
    if hidden_collections:
        hidden_documents = get_document_model().objects.filter(collection_id__in=hidden_collections)
        documents &= ~Q(document_id__in=hidden_documents.values("pk"))
    return pages | documents
