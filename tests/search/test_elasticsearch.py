"""Elasticsearch index settings, mappings and queries, checked without a server.

The tests marked ``elasticsearch`` index and query a live server; they run only
when ELASTICSEARCH_URL is set.
"""

import os

import pytest

from django.utils import translation
from django.utils.html import escape

from search import engine, text
from search.backends.base import IndexedText
from search.backends.elasticsearch import (
    ElasticsearchBackend,
    index_name,
    index_settings,
    query_body,
)
from search.query import parse


def test_each_language_has_its_own_index():
    names = {index_name("hub_", code) for code in ("ca", "es", "en")}
    assert names == {"hub_search_ca", "hub_search_es", "hub_search_en"}


@pytest.mark.parametrize(
    "language,stemmer", [("ca", "catalan"), ("es", "light_spanish"), ("en", "english")]
)
def test_each_index_stems_in_its_language(language, stemmer):
    analysis = index_settings(language)["settings"]["analysis"]
    assert analysis["filter"]["xmess_stemmer"]["language"] == stemmer


def test_analysers_fold_accents_and_the_punt_volat():
    analysis = index_settings("ca")["settings"]["analysis"]
    for name in ("xmess_text", "xmess_search"):
        assert "asciifolding" in analysis["analyzer"][name]["filter"]
        assert analysis["analyzer"][name]["char_filter"] == ["xmess_punt_volat"]
    assert analysis["char_filter"]["xmess_punt_volat"]["replacement"] == "ll"


def test_catalan_index_removes_elided_articles():
    analysis = index_settings("ca")["settings"]["analysis"]
    assert analysis["analyzer"]["xmess_text"]["filter"][0] == "xmess_elision"
    assert "l" in analysis["filter"]["xmess_elision"]["articles"]


def test_synonyms_are_normalised_and_only_in_the_search_analyser():
    body = index_settings("ca", [["ESS", "economia social i solidària"]])
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["xmess_synonyms"]["synonyms"] == ["ess, economia social i solidaria"]
    assert "xmess_synonyms" in analysis["analyzer"]["xmess_search"]["filter"]
    assert "xmess_synonyms" not in analysis["analyzer"]["xmess_text"]["filter"]


def test_mapping_is_strict_and_uses_the_language_analysers():
    mappings = index_settings("es")["mappings"]
    assert mappings["dynamic"] == "strict"
    assert mappings["properties"]["body"]["analyzer"] == "xmess_text"
    assert mappings["properties"]["title"]["fields"]["prefix"]["analyzer"] == "xmess_prefix"


def test_queries_use_plain_matches_never_query_string():
    body = query_body(parse('title:"guia" AND (cures*)'), ["ca"])
    assert "query_string" not in repr(body)
    groups = [g["bool"]["should"][0] for g in body["bool"]["must"]]
    assert len(groups) == 3  # title, "guia", cures: "and" is a stop word, not an operator
    quoted = groups[1]["multi_match"]
    assert quoted["query"] == "guia" and quoted["fields"][0].startswith("title.exact")


def test_a_plain_word_matches_its_lemma_through_the_forms_fields():
    clause = query_body(parse("guies"), ["ca"])["bool"]["must"][0]["bool"]["should"][0]
    forms = [m["multi_match"] for m in clause["bool"]["should"] if "title_forms" in repr(m)][0]
    assert text.key("guia", "ca") in forms["query"].split()


def test_phrases_and_capitals_use_match_phrase_on_the_unstemmed_fields():
    body = query_body(parse('ESS "cooperatives de cures"'), ["ca"])
    acronym, phrase = (g["bool"]["should"][0]["multi_match"] for g in body["bool"]["must"])
    assert acronym["type"] == phrase["type"] == "phrase"
    assert phrase["query"] == "cooperatives de cures"
    assert all(".exact" in field for field in acronym["fields"])


def test_entries_carry_their_forms_for_the_lemma_fields():
    backend = ElasticsearchBackend(client=None, prefix="hub_", languages=["ca"])
    (action,) = backend.bulk_actions([IndexedText(1, "ca", "Les guies", "text", "")])
    assert text.key("guia", "ca") in action["_source"]["title_forms"].split()
    mapping = index_settings("ca")["mappings"]["properties"]
    assert mapping["title_forms"]["analyzer"] == "whitespace"
    assert mapping["body"]["fields"]["exact"]["analyzer"] == "xmess_folded"


def test_entries_are_sent_to_their_own_language_index():
    backend = ElasticsearchBackend(client=None, prefix="hub_", languages=["ca", "es", "en"])
    actions = list(
        backend.bulk_actions(
            [IndexedText(1, "ca", "Guia", "text", ""), IndexedText(2, "en", "Guide", "text", "")]
        )
    )
    assert [(a["_index"], a["_id"]) for a in actions] == [
        ("hub_search_ca", "1"),
        ("hub_search_en", "2"),
    ]


class CannedClient:
    """Stands in for the Elasticsearch client: answers every search with the same hits."""

    def __init__(self, hits=(), error=None):
        self.hits, self.error, self.searches = list(hits), error, []

    def search(self, index, query, size, source, ignore_unavailable):
        self.searches.append(index)
        if self.error:
            raise self.error
        return {"hits": {"hits": [{"_id": str(i), "_score": score} for i, score in self.hits]}}


@pytest.fixture
def elasticsearch_answers(monkeypatch):
    """elasticsearch_answers(hits=[(entry id, score)], error=None): the engine's backend."""

    def install(hits=(), error=None):
        backend = ElasticsearchBackend(CannedClient(hits, error), "hub_", ["ca", "es", "en"])
        monkeypatch.setattr("search.engine.get_backend", lambda: backend)
        return backend

    return install


def _entry_id(page):
    from search.models import SearchEntry

    return SearchEntry.objects.get(page=page).pk


@pytest.mark.django_db
def test_elasticsearch_ranks_and_the_database_keeps_visibility_and_counts(
    client, publish, elasticsearch_answers
):
    first, second = publish("Primera pàgina", "text"), publish("Segona pàgina", "text")
    stale_id = 987654  # a document the index still holds for a page since deleted
    elasticsearch_answers([(stale_id, 9.0), (_entry_id(second), 5.0), (_entry_id(first), 1.0)])
    data = client.get("/api/search/", {"q": "qualsevol"}).json()
    assert [hit["title"] for hit in data["results"]] == [second.title, first.title]
    assert data["total"] == 2
    assert {o["value"]: o["count"] for o in data["facets"]["type"]} == {"home.standardpage": 2}


@pytest.mark.django_db
def test_elasticsearch_searches_only_the_chosen_languages_indexes(client, elasticsearch_answers):
    backend = elasticsearch_answers([])
    client.get("/api/search/", {"q": "habitatge", "lang": "es"})
    client.get("/api/search/", {"q": "habitatge", "lang": "all"})
    assert backend.client.searches == ["hub_search_es", "hub_search_ca,hub_search_es,hub_search_en"]


@pytest.mark.django_db
def test_an_unreachable_elasticsearch_is_a_clear_503_not_a_server_error(
    client, elasticsearch_answers
):
    from elasticsearch import ConnectionError as ElasticsearchConnectionError

    elasticsearch_answers(error=ElasticsearchConnectionError("connection refused"))
    page = client.get("/ca/search/", {"q": "habitatge"})
    assert page.status_code == 503
    with translation.override("ca"):
        assert escape(str(engine.UNAVAILABLE_MESSAGE)) in page.content.decode()
    api = client.get("/api/search/", {"q": "habitatge"})
    assert api.status_code == 503 and api.json()["error"]
    suggest = client.get("/api/search/suggest/", {"q": "habi"})
    assert suggest.status_code == 200 and suggest.json() == {"suggestions": []}


needs_server = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL"
)


@pytest.mark.elasticsearch
@needs_server
@pytest.mark.django_db
def test_live_server_finds_a_plural_through_the_catalan_analyser(settings):
    from elasticsearch import Elasticsearch

    client = Elasticsearch(os.environ["ELASTICSEARCH_URL"])
    backend = ElasticsearchBackend(client, "xmess_test_", ["ca", "es", "en"])
    backend.clear()
    try:
        from search.backends.elasticsearch import query_body as build

        backend.index([IndexedText(10, "ca", "Guia", "Una cooperativa solidària", "")])
        hits = backend._hits(["ca"], build(parse("cooperatives solidaria")), 10)
        assert [entry_id for entry_id, _score in hits] == [10]
    finally:
        for code in ("ca", "es", "en"):
            client.indices.delete(index=index_name("xmess_test_", code), ignore_unavailable=True)
