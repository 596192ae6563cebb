"""One way to split a listing into pages: the library, the news index, the agenda, the search.

``paginate`` returns Django's page of results with the page numbers to link
(the first, the last and two on each side of the current one, the rest elided),
and ``listing/pagination.html`` draws them. Links keep the listing's other
query parameters (its filters) and change only ``page``. A ``page`` that is not
a number gives the first page and one past the end the last, as Django's
``Paginator.get_page`` does: a stale link still lands on results.

``page_of_count`` is the same for a listing that fetches only the shown page's
rows itself (the search): it needs only how many there are.
"""

from django.core.paginator import Paginator


def _page(paginator, number):
    page = paginator.get_page(number)
    page.page_numbers = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page


def paginate(request, items, per_page):
    """The requested page of ``items``, with ``page_numbers`` for the template."""
    return _page(Paginator(items, per_page), request.GET.get("page"))


def page_of_count(count, number, per_page):
    """Page ``number`` of ``count`` items (its ``object_list`` is the items' positions)."""
    return _page(Paginator(range(count), per_page), number)
