"""Which entries an anonymous visitor may see: ``publishing.visibility`` asked at query time.

The index may lag behind an editor's change by a moment; privacy must not. A
page entry is visible while its page is public (live, in its window, every
ancestor published, no view restriction on it or above it); a document entry
while its file is public (used by a public page or in a published collection,
and in no restricted collection). Both are one subquery each, evaluated once
per search statement, whatever the number of matches: a page entry is kept
unless its page is among the few that are not public (``hidden_pages``), so
the statement never reads every page of the site.
"""

from django.db.models import Q

from wagtail.documents import get_document_model

from publishing.visibility import hidden_pages, public_files

from .models import SearchEntry


def visible_condition(now=None):
    """A ``Q`` on ``SearchEntry`` keeping only what an anonymous visitor may see."""
    pages = Q(kind=SearchEntry.Kind.PAGE) & ~Q(page_id__in=hidden_pages(now).values("pk"))
    documents = Q(
        kind=SearchEntry.Kind.DOCUMENT,
        document_id__in=public_files(get_document_model().objects.all(), now).values("pk"),
    )
    return pages | documents
