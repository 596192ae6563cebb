"""The page cache keys on the significant query string and bounds what others can add."""

import uuid

import pytest

from operations.pagecache import HEADER

pytestmark = pytest.mark.django_db

LIBRARY = "/ca/biblioteca/"


def _entries(page_cache):
    return len(page_cache._cache)  # LocMemCache: one item per stored key


def test_a_campaign_link_is_served_the_page_cached_for_the_plain_address(client, page_cache):
    assert client.get("/ca/")[HEADER] == "miss"
    response = client.get("/ca/?utm_source=butlleti&utm_medium=email&fbclid=abc")
    assert response[HEADER] == "hit"


def test_a_request_with_tracking_parameters_stores_nothing(client, page_cache):
    response = client.get("/ca/?utm_campaign=tardor")
    assert response.status_code == 200 and HEADER not in response
    assert HEADER not in client.get("/ca/?utm_campaign=tardor")
    assert client.get("/ca/")[HEADER] == "miss"
    assert client.get("/ca/")[HEADER] == "hit"


def test_random_query_strings_write_a_bounded_number_of_entries(client, page_cache, settings):
    settings.PAGE_CACHE_MAX_VARIANTS_PER_PATH = 10
    client.get("/ca/")
    before = _entries(page_cache)
    # Six times the bound of each kind (the attack sent 600; the bound is what matters).
    for _ in range(60):
        assert client.get(f"/ca/?utm={uuid.uuid4().hex}").status_code == 200
        client.get(f"/ca/?x={uuid.uuid4().hex}")
    # Ten variants of the unknown parameter and their counter; nothing for "utm".
    assert _entries(page_cache) - before <= settings.PAGE_CACHE_MAX_VARIANTS_PER_PATH + 1


def test_filters_in_any_order_share_one_entry(client, page_cache):
    assert client.get(f"{LIBRARY}?sort=title&page=1")[HEADER] == "miss"
    assert client.get(f"{LIBRARY}?page=1&sort=title")[HEADER] == "hit"


def test_different_filters_are_different_pages(client, page_cache):
    by_title = client.get(f"{LIBRARY}?sort=title")
    assert by_title[HEADER] == "miss"
    assert client.get(LIBRARY)[HEADER] == "miss"
    assert client.get(f"{LIBRARY}?sort=title")[HEADER] == "hit"
