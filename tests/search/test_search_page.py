"""The search page and its JSON endpoints: matching, results, filters, safety."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

HOSTILE = [
    "AAB",  # one edit from the stop word "amb": a correction with nothing to search for
    '"',
    "'",
    '""',
    "\\",
    "*",
    "-",
    ":",
    "(",
    ")",
    "()",
    "((a",
    "a)",
    "AND",
    "OR NOT",
    "-cooperativa",
    "title:guia",
    "NEAR(a b)",
    "a*",
    "*a",
    "^",
    "~",
    "{}",
    "[]",
    "%",
    "_",
    "%%",
    "'; DROP TABLE search_searchentry; --",
    "\x00",
    "a\x00b",
    "\x1f\x7f",
    "😀",
    "👩‍👩‍👧 cooperativa",
    "ﷺ",
    "\u202e",
    "x" * 5000,
    "a " * 2500,
    "&lt;script&gt;",
    "<script>alert(1)</script>",
    "{title body} : x",
    "col.laboració",
    "   ",
    "\t\n",
    "@@",
    "!!",
    "&&",
    "||",
    "'':*",
    "a:*",
    "NULL",
    "0",
    "-1",
    "1e309",
    "\ud7ff",
]


def test_empty_search_page_renders_a_prompt(client):
    response = client.get("/ca/search/")
    assert response.status_code == 200
    assert b'name="q"' in response.content


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_never_errors_on_the_page(client, query):
    assert client.get("/ca/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_never_errors_in_the_api(client, query):
    assert client.get("/api/search/", {"q": query, "lang": "all"}).status_code == 200


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_never_errors_in_autocomplete(client, query):
    assert client.get("/api/search/suggest/", {"q": query}).status_code == 200


@pytest.mark.parametrize("value", ["abc", "0", "-3", "1.5", "9" * 30, "\x00", "😀"])
def test_malformed_page_number_is_a_clear_400(client, value):
    response = client.get("/ca/search/", {"q": "habitatge", "page": value})
    assert response.status_code == 400
    assert "page" in response.content.decode() or "pàgina" in response.content.decode()


def test_page_number_past_the_end_shows_the_last_page(client):
    assert client.get("/ca/search/", {"q": "habitatge", "page": "99999"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nope"},
        {"type": "home.standardpage"},
        {"year": "abc"},
        {"year": "1999"},
        {"topic": "-1"},
        {"group": "x"},
        {"sort": "evil"},
        {"lang": "xx"},
        {"lang": "all", "sort": "date"},
    ],
)
def test_odd_filter_values_are_ignored_not_errors(client, params):
    assert client.get("/ca/search/", {"q": "habitatge", **params}).status_code == 200


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300), page=st.one_of(st.none(), st.text(max_size=6)))
def test_any_text_gives_a_200_or_a_400_never_a_server_error(client, query, page):
    data = {"q": query}
    if page is not None:
        data["page"] = page
    for url in ("/ca/search/", "/api/search/"):
        assert client.get(url, data).status_code in (200, 400)
    assert client.get("/api/search/suggest/", {"q": query}).status_code == 200


def test_a_plural_finds_the_singular(client, publish):
    page = publish("Guia de la cooperativa", "Una cooperativa d'habitatge en cessió d'ús.")
    response = client.get("/api/search/", {"q": "cooperatives"})
    assert page.title in [hit["title"] for hit in response.json()["results"]]


def test_an_unaccented_word_finds_the_accented_one(client, publish):
    page = publish("Mercat social", "Comerç just i economia solidària a la comarca.")
    response = client.get("/api/search/", {"q": "solidaria comerc"})
    assert page.title in [hit["title"] for hit in response.json()["results"]]


def test_punt_volat_written_with_a_full_stop_finds_the_real_one(client, publish):
    page = publish("Acord marc", "Un conveni de col·laboració entre ajuntaments.")
    response = client.get("/api/search/", {"q": "col.laboracio"})
    assert page.title in [hit["title"] for hit in response.json()["results"]]


def test_matched_words_are_highlighted_in_the_snippet(client, publish):
    publish("Pàgina zeta", "El pressupost participatiu zetaparaula del municipi.")
    hit = client.get("/api/search/", {"q": "zetaparaula"}).json()["results"][0]
    assert "<mark>zetaparaula</mark>" in hit["snippet_html"]


def test_snippet_escapes_content_markup(client, publish):
    publish("Pàgina escapada", "Text &lt;script&gt;alert(1)&lt;/script&gt; escapparaula")
    response = client.get("/ca/search/", {"q": "escapparaula"})
    assert b"<script>alert(1)" not in response.content


def test_a_word_only_inside_an_attached_file_finds_the_page_and_names_the_file(
    client, publish, upload
):
    document = upload("Annex tècnic", "Model de clàusula social amb quadrilàter zumbaparaula.")
    page = publish("Guia de compra pública", "Introducció.", documents=[document])
    results = client.get("/api/search/", {"q": "zumbaparaula"}).json()["results"]
    hit = next(hit for hit in results if hit["title"] == page.title)
    assert hit["matched_files"] == [{"title": "Annex tècnic", "url": document.url}]


def test_current_language_by_default_and_all_languages_on_request(client, publish):
    publish("Habitatge ca", "omniparaula", language="ca")
    publish("Housing en", "omniparaula", language="en")
    default = client.get("/ca/search/", {"q": "omniparaula"})
    everywhere = client.get("/ca/search/", {"q": "omniparaula", "lang": "all"})
    assert b"Housing en" not in default.content
    assert b"Housing en" in everywhere.content and b"Habitatge ca" in everywhere.content


def test_facets_have_counts_and_filters_keep_state_in_the_url(client, publish):
    publish("Facet u", "facetparaula")
    publish("Facet dos", "facetparaula")
    data = client.get("/api/search/", {"q": "facetparaula"}).json()
    type_option = next(o for o in data["facets"]["type"] if o["value"] == "home.standardpage")
    assert type_option["count"] == 2
    filtered = client.get("/ca/search/", {"q": "facetparaula", "type": "home.standardpage"})
    assert b"type=home.standardpage" in filtered.content


def test_sort_by_date_and_pagination(client, publish):
    for n in range(12):
        publish(f"Pàgina paginada {n}", "paginaparaula")
    first = client.get("/api/search/", {"q": "paginaparaula", "sort": "date"}).json()
    second = client.get("/api/search/", {"q": "paginaparaula", "sort": "date", "page": 2}).json()
    assert first["total"] == 12 and first["num_pages"] == 2
    assert len(first["results"]) == 10 and len(second["results"]) == 2
    assert not {r["url"] for r in first["results"]} & {r["url"] for r in second["results"]}


def test_search_page_uses_the_same_number_of_queries_for_5_or_50_results(client, publish):
    for n in range(50):
        publish(f"Comptatge {n}", "comptaparaula")
    client.get("/ca/search/", {"q": "comptaparaula"})  # warm caches (site root paths, types)

    def count(per_page, query="comptaparaula"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/ca/search/", {"q": query, "per_page": per_page}).status_code == 200
        return len(queries)

    assert count(10) == count(50) == count(20)


def test_autocomplete_suggests_titles_by_prefix(client, publish):
    publish("Quadrilàter de contractació", "text")
    suggestions = client.get("/api/search/suggest/", {"q": "quadrila"}).json()["suggestions"]
    assert "Quadrilàter de contractació" in [s["title"] for s in suggestions]


def test_editors_synonyms_apply_in_their_language(client, publish):
    from search.models import Synonym

    Synonym.objects.create(language="ca", expressions="ESSX\neconomia transformadora")
    page = publish("Pàgina sinònim", "Polítiques d'economia transformadora.")
    response = client.get("/api/search/", {"q": "essx"})
    assert page.title in [hit["title"] for hit in response.json()["results"]]


def test_searches_are_counted_per_language_and_week_with_zero_results(client):
    from search.models import QueryRecord

    client.get("/ca/search/", {"q": "Inexistentíssima!"})
    client.get("/ca/search/", {"q": "inexistentissima"})
    record = QueryRecord.objects.get(query="inexistentissima", language="ca")
    assert (record.searches, record.zero_result_searches) == (2, 2)


def test_promoted_result_is_shown_first_for_its_query(client, publish):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    page = publish("Pàgina promocionada", "res a veure")
    SearchPromotion.objects.create(query=Query.get("habitatge"), page=page, sort_order=0)
    response = client.get("/ca/search/", {"q": "habitatge"})
    assert "Pàgina promocionada" in response.content.decode()


def test_results_bypass_page_caches_so_every_search_is_counted(client):
    response = client.get("/ca/search/", {"q": "habitatge"})
    assert "no-cache" in response["Cache-Control"]


def test_all_languages_prefer_the_visitors_language_on_equal_scores(client, publish):
    publish("Pàgina igual ca", "igualparaula", language="ca")
    publish("Pàgina igual en", "igualparaula", language="en")
    results = client.get("/en/search/", {"q": "igualparaula", "lang": "all"}).content.decode()
    assert results.index("Pàgina igual en") < results.index("Pàgina igual ca")


def test_the_result_count_is_translated_with_its_plural(client, publish):
    publish("Vivienda uno", "pluralpalabra", language="es")
    publish("Vivienda dos", "pluralpalabra", language="es")
    response = client.get("/es/search/", {"q": "pluralpalabra"})
    assert "2 resultados" in response.content.decode()
