"""Ordering, pagination and facet counts when a query matches more than the ranked pool.

The engine ranks exactly a pool of candidates (title matches first, then the
visitor's language, then the newest) and orders whatever lies beyond the pool
the same cheap way; these tests shrink the pool to a few entries to check that
the results stay complete, stable and sensible across pages.
"""

import pytest

from django.db import connection

from search import engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pool(monkeypatch):
    monkeypatch.setattr(engine, "POOL_SIZE", 4)


def all_result_titles(client, query, **extra):
    titles, page = [], 1
    while True:
        data = client.get("/api/search/", {"q": query, "page": page, **extra}).json()
        titles += [hit["title"] for hit in data["results"]]
        if page >= data["num_pages"]:
            return titles, data["total"]
        page += 1


def test_every_match_appears_exactly_once_across_pages_beyond_the_pool(client, publish, small_pool):
    published = {publish(f"Entrada {n}", "poolparaula").title for n in range(23)}
    titles, total = all_result_titles(client, "poolparaula")
    assert total == 23
    assert len(titles) == len(set(titles)) == 23
    assert set(titles) == published


def test_title_matches_come_first_when_the_pool_is_smaller_than_the_matches(
    client, publish, small_pool
):
    for n in range(8):
        publish(f"Pàgina corrent {n}", "La paraula titolparaula surt al text.")
    in_title = {publish(f"Titolparaula {n}", "Text breu.").title for n in range(2)}
    titles, _total = all_result_titles(client, "titolparaula")
    assert set(titles[:2]) == in_title


def test_the_pool_is_ranked_by_relevance_not_by_date(client, publish):
    often = publish("Primera", "freqparaula " * 30 + "i una mica de text.")
    publish("Segona", "Un sol cop: freqparaula, entre moltes altres paraules del text.")
    titles, _total = all_result_titles(client, "freqparaula")
    assert titles[0] == often.title  # published first, so older, yet more relevant


def test_date_order_pages_through_every_match_newest_first(client, publish, small_pool):
    for n in range(13):
        publish(f"Data {n}", "dataparaula")
    titles, total = all_result_titles(client, "dataparaula", sort="date")
    assert total == 13 and len(set(titles)) == 13
    assert titles[0] == "Data 12"  # the newest


def test_a_facet_counts_its_other_values_while_one_is_selected(client, publish, upload):
    document = upload("Document mixt", "mixparaula en un fitxer")
    publish("Pàgina mixta", "mixparaula", documents=[document])  # which makes the file public
    data = client.get("/api/search/", {"q": "mixparaula", "type": "home.standardpage"}).json()
    assert data["total"] == 1
    counts = {option["value"]: option["count"] for option in data["facets"]["type"]}
    assert counts["home.standardpage"] == 1
    assert sum(counts.values()) == 2  # the document's type still shows what choosing it gives


def test_an_unknown_type_filter_finds_nothing(client, publish):
    publish("Pàgina tipus", "tipusparaula")
    data = client.get("/api/search/", {"q": "tipusparaula", "type": "nope.nothing"}).json()
    assert data["total"] == 0 and data["results"] == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_a_search_leaves_the_planner_settings_of_the_transaction_alone(client, publish):
    publish("Pàgina planificador", "planparaula")
    engine.search(engine.SearchParams(q="planparaula"), record_query=False)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
