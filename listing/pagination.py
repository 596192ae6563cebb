"""One way to split a listing into pages: the library, the news index, the agenda, the search.

``paginate`` returns Django's page of results with the page numbers to link
(the first, the last and two on each side of the current one, the rest elided),
and ``listing/pagination.html`` draws them. Links keep the listing's other
query parameters (its filters) and change only ``page``. A ``page`` that is not
a number gives the first page and one past the end the last, as Django's
``Paginator.get_page`` does: a stale link still lands on results.

``page_of_count`` is the same for a listing that fetches only the shown page's
rows itself (the search): it needs only how many there are.

``paginate_kept`` is ``paginate`` for a public listing whose rows only a
publish can change: its count and each page's rows are read once per public
change (``operations.public_snapshot``), under a key naming the listing and its
filters.
"""

from django.core.paginator import Paginator

from operations.public_snapshot import once_per_public_change


def _page(paginator, number):
    page = paginator.get_page(number)
    page.page_numbers = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page


def paginate(request, items, per_page):
    """The requested page of ``items``, with ``page_numbers`` for the template."""
    return _page(Paginator(items, per_page), request.GET.get("page"))


def paginate_kept(request, key, items, per_page):
    """``paginate(request, items(), per_page)`` for the public listing ``key`` names (a tuple:
    the listing and its filters' values): its count and rows kept per public change.
    ``items`` returns the listing's queryset: it is built only when an answer is not kept."""
    count = once_per_public_change(("listing:count", *key), lambda: items().count(), per_item=True)
    page = page_of_count(count, request.GET.get("page"), per_page)
    page.object_list = once_per_public_change(
        ("listing:rows", *key, page.number),
        lambda: list(items()[page.start_index() - 1 : page.end_index()]) if count else [],
        per_item=True,
    )
    return page


def page_of_count(count, number, per_page):
    """Page ``number`` of ``count`` items (its ``object_list`` is the items' positions)."""
    return _page(Paginator(range(count), per_page), number)
