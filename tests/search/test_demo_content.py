"""The acceptance checks on the demo content, as a new visitor would search it."""

import pytest

pytestmark = pytest.mark.django_db

GUIDE = "Guia de cooperativisme d'habitatge per a administracions locals"


def results(client, query, lang="ca"):
    return client.get("/api/search/", {"q": query, "lang": lang}).json()["results"]


def test_a_word_from_the_guides_pdf_finds_the_guide_and_names_the_file(client):
    hits = [hit for hit in results(client, "masoveria") if hit["type"] == "knowledge.guidepage"]
    assert [hit["title"] for hit in hits] == [GUIDE]
    assert hits[0]["matched_files"], "the result says which attached file matched"


def test_cooperatives_finds_the_catalan_guide(client):
    assert GUIDE in [hit["title"] for hit in results(client, "cooperatives")]


def test_solidaria_without_accent_finds_catalan_pages_with_solidaria(client):
    hits = results(client, "solidaria")
    assert hits and all(hit["language"] == "ca" for hit in hits)
    assert any(
        "<mark>Solidària</mark>" in hit["snippet_html"] or "Solidària" in hit["title"]
        for hit in hits
    )
