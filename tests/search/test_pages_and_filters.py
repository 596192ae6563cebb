"""The search's results are paged as every listing is (``listing.pagination``) and its
filters read from the URL by a FilterSet (``search.filters``): lenient filters, strict pages."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve_results(publish):
    for n in range(12):
        publish(f"Pàgina paginada {n}", "llistaparaula")


def test_the_results_pages_are_linked_as_every_listings_are(client, twelve_results):
    first = client.get("/ca/search/", {"q": "llistaparaula"}).content.decode()
    assert '<nav class="pagination"' in first
    assert 'rel="next"' in first and "page=2" in first and 'rel="prev"' not in first
    second = client.get("/ca/search/", {"q": "llistaparaula", "page": 2}).content.decode()
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert '<ol class="search__list" start="11">' in second


def test_a_page_past_the_end_shows_the_last_one(client, twelve_results):
    response = client.get("/ca/search/", {"q": "llistaparaula", "page": 7})
    assert response.status_code == 200
    assert '<ol class="search__list" start="11">' in response.content.decode()
    assert client.get("/api/search/", {"q": "llistaparaula", "page": 7}).json()["page"] == 2


@pytest.mark.parametrize(
    "params",
    [{"topic": "abc"}, {"year": "20x2"}, {"group": "-1"}, {"type": ""}, {"sort": "worst"}],
)
def test_a_filter_value_that_means_nothing_is_dropped(client, twelve_results, params):
    data = client.get("/api/search/", {"q": "llistaparaula", **params}).json()
    assert data["total"] == 12 and data["sort"] == "relevance"


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "dos"}, {"per_page": "15"}])
def test_a_page_or_page_size_that_means_nothing_is_a_400(client, params):
    assert client.get("/ca/search/", {"q": "habitatge", **params}).status_code == 400
    assert client.get("/api/search/", {"q": "habitatge", **params}).status_code == 400
