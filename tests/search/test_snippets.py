"""Snippets show the content's own words, once each: no repeated summary, no block labels."""

import pytest

from django.utils import translation

from knowledge.models import GuidePage
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

# What an editor sees when choosing a heading's level, in each language.
HEADING_LABELS = {"ca": "Secció (h2)", "es": "Sección (h2)", "en": "Section (h2)"}
WORDS = {"ca": "titolparaulaca", "es": "titulopalabraes", "en": "headingwordeen"}


def hits(client, query, lang="ca"):
    return client.get("/api/search/", {"q": query, "lang": lang}).json()["results"]


def test_a_summary_copied_into_the_search_description_shows_once(client, publish):
    summary = "Un resum breu amb resumparaula."
    page = publish("Pàgina resumida", introduction=summary, search_description=summary)
    [hit] = hits(client, "resumparaula")
    assert hit["title"] == page.title
    assert "<mark>resumparaula" in hit["snippet_html"]
    assert hit["snippet_html"].count("resumparaula") == 1


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_demo_guides_summary_is_indexed_once(language):
    guide = GuidePage.objects.get(
        locale__language_code=language, live=True, translation_key=_housing_guide_key()
    )
    body = SearchEntry.objects.get(page=guide).body
    assert guide.summary and guide.summary in body
    assert body.count(guide.summary) == 1


def _housing_guide_key():
    return GuidePage.objects.get(
        locale__language_code="ca", slug__startswith="guia-de-cooperativisme"
    ).translation_key


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_a_headings_level_label_never_enters_a_snippet(client, publish, language):
    word = WORDS[language]
    heading = ("heading", {"text": f"Apartat {word}", "level": "h2"})
    with translation.override(language):
        page = publish(f"Pàgina amb apartat {language}", language=language, blocks=[heading])
    [hit] = hits(client, word, lang=language)
    assert hit["title"] == page.title
    assert f"<mark>{word}</mark>" in hit["snippet_html"]
    assert "(h2)" not in hit["snippet_html"]
    assert HEADING_LABELS[language] not in SearchEntry.objects.get(page=page).body


def test_a_demo_chapters_snippet_has_its_heading_but_not_the_heading_level(client):
    results = hits(client, "ajuntaments paper")
    chapter = next(hit for hit in results if hit["type"] == "knowledge.guidechapterpage")
    assert "<mark>paper</mark>" in chapter["snippet_html"]
    assert "Secció" not in chapter["snippet_html"]
