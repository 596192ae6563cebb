"""One pagination for every listing: numbered pages, the other query parameters kept."""

import pytest

from django.template.loader import render_to_string
from django.test import RequestFactory

from listing.pagination import paginate

ITEMS = list(range(195))  # 20 pages of 10


def page_for(query):
    request = RequestFactory().get("/llista/", query)
    return request, paginate(request, ITEMS, 10)


def test_the_requested_page_with_its_neighbours_and_the_ends():
    _request, page = page_for({"page": "10"})
    assert list(page.object_list) == list(range(90, 100))
    ellipsis = page.paginator.ELLIPSIS
    assert page.page_numbers == [1, ellipsis, 8, 9, 10, 11, 12, ellipsis, 20]


@pytest.mark.parametrize(("value", "number"), [("x", 1), ("0", 20), ("999", 20), ("", 1)])
def test_a_page_out_of_range_or_not_a_number_lands_on_results(value, number):
    _request, page = page_for({"page": value})
    assert page.number == number


def test_the_links_keep_the_filters_and_change_only_the_page():
    request, page = page_for({"kind": "guide", "page": "2"})
    html = render_to_string(
        "listing/pagination.html", {"page": page, "label": "Pàgines"}, request=request
    )
    assert 'aria-label="Pàgines"' in html
    assert 'href="?kind=guide&amp;page=1" rel="prev"' in html
    assert 'href="?kind=guide&amp;page=3" rel="next"' in html
    assert '<span aria-current="page">' in html


def test_a_single_page_draws_no_navigation():
    request = RequestFactory().get("/llista/")
    assert (
        render_to_string(
            "listing/pagination.html", {"page": paginate(request, ITEMS[:5], 10)}, request=request
        ).strip()
        == ""
    )
