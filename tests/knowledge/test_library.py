"""The library: every knowledge page, filtered by facets in the URL, sorted and paginated."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import KnowledgeKind, LibraryPage, PolicyDocumentPage

from .conftest import make_document, make_guide, make_policy_document

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_the_demo_library_is_in_the_menu_and_lists_the_demo_items(client, library):
    assert library.show_in_menus
    response = client.get(library.url)
    assert response.status_code == 200
    listed = titles(response)
    assert "Guia de cooperativisme d&#x27;habitatge per a administracions locals" in listed
    assert "Guia ABC" in listed


def test_items_published_inside_group_sections_are_listed(client, library, groups):
    make_guide(
        groups["politiques-de-cures"], "Material del taller de cures", kind=KnowledgeKind.WORKSHOP
    )
    assert "Material del taller de cures" in titles(client.get(library.url))


def test_filter_by_kind(client, library):
    make_policy_document(library, "Decret de prova", kind=KnowledgeKind.DECREE)
    listed = titles(client.get(library.url, {"kind": "decree"}))
    assert listed == ["Decret de prova"]


def test_filter_by_topic_uses_the_topics_own_language(client, library, topics):
    make_guide(library, "Guia sobre cures", topics=[topics["cures"]])
    english_library = library.get_translation(
        library.locale.__class__.objects.get(language_code="en")
    )
    response = client.get(english_library.url, {"topic": "care"})
    assert response.status_code == 200
    assert all("care" in title.lower() for title in titles(response))
    assert set(titles(client.get(library.url, {"topic": "cures"}))) == {
        "Guia sobre cures",
        "Guia sobre polítiques públiques de l&#x27;àmbit de les cures",
    }


def test_filter_by_working_group(client, library, groups):
    make_guide(groups["habitatge-cooperatiu"], "Segona guia d'habitatge")
    listed = titles(client.get(library.url, {"group": "habitatge-cooperatiu"}))
    assert set(listed) == {
        "Segona guia d&#x27;habitatge",
        "Guia de cooperativisme d&#x27;habitatge per a administracions locals",
    }


def test_filter_by_year(client, library):
    make_guide(library, "Guia del 2019", publication_date=datetime.date(2019, 4, 2))
    assert titles(client.get(library.url, {"year": "2019"})) == ["Guia del 2019"]


def test_filter_by_the_language_of_the_files(client, library):
    document = make_document("Guía en castellano", "Texto en castellano.", language="es")
    make_guide(library, "Guia amb fitxer en castellà", documents=[document])
    assert titles(client.get(library.url, {"language": "es"})) == ["Guia amb fitxer en castellà"]


def test_facets_combine(client, library, topics):
    make_guide(
        library,
        "Guia 2018 de cures",
        topics=[topics["cures"]],
        publication_date=datetime.date(2018, 1, 1),
    )
    make_guide(
        library,
        "Guia 2018 d'habitatge",
        topics=[topics["habitatge-cooperatiu"]],
        publication_date=datetime.date(2018, 1, 1),
    )
    assert titles(client.get(library.url, {"year": "2018", "topic": "cures"})) == [
        "Guia 2018 de cures"
    ]


def test_sort_by_title_and_by_date(client, library):
    make_guide(library, "AAA guia antiga", publication_date=datetime.date(2001, 1, 1))
    make_guide(library, "ZZZ guia nova", publication_date=datetime.date(2099, 1, 1))
    assert titles(client.get(library.url, {"sort": "title"}))[0] == "AAA guia antiga"
    assert titles(client.get(library.url, {"sort": "newest"}))[0] == "ZZZ guia nova"
    assert titles(client.get(library.url, {"sort": "oldest"}))[0] == "AAA guia antiga"
    assert titles(client.get(library.url))[0] == "ZZZ guia nova"


def test_an_unknown_filter_value_is_a_400_with_a_message(client, library):
    response = client.get(library.url, {"kind": "novel·la"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_a_control_character_in_a_filter_is_a_400_that_does_not_echo_it(client, library):
    # The error message repeats the value: a NUL in it would make the page invalid HTML.
    response = client.get(f"{library.url}?topic=%00x")
    html = response.content.decode()
    assert response.status_code == 400
    assert "\ufffdx" in html
    assert "\x00" not in html


def test_pages_of_results_keep_the_filters_in_their_links(client, library, monkeypatch):
    monkeypatch.setattr(LibraryPage, "items_per_page", 2)
    for number in range(5):
        make_guide(library, f"Guia paginada {number}", kind=KnowledgeKind.WORKSHOP)
    response = client.get(library.url, {"kind": "workshop"})
    html = response.content.decode()
    assert len(titles(response)) == 2
    assert 'href="?kind=workshop&amp;page=2"' in html
    second = client.get(library.url, {"kind": "workshop", "page": "2"})
    assert len(titles(second)) == 2
    assert set(titles(second)).isdisjoint(titles(response))


def test_a_page_number_out_of_range_shows_the_last_page(client, library):
    response = client.get(library.url, {"page": "999"})
    assert response.status_code == 200
    assert titles(response)


def test_drafts_and_private_pages_are_not_listed(client, library):
    from wagtail.models import PageViewRestriction

    draft = PolicyDocumentPage(
        title="Esborrany intern",
        slug="esborrany-intern",
        kind="law",
        summary="-",
        level="local",
        live=False,
    )
    library.add_child(instance=draft)
    private = make_guide(library, "Guia privada")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    listed = titles(client.get(library.url))
    assert "Esborrany intern" not in listed
    assert "Guia privada" not in listed


def test_only_the_current_edition_of_a_guide_is_listed(client, library):
    first = make_guide(library, "Guia amb dues edicions")
    make_guide(
        library,
        "Guia amb dues edicions (2a)",
        slug="dues-edicions-2",
        edition_number=2,
        previous_edition=first,
    )
    listed = titles(client.get(library.url))
    assert "Guia amb dues edicions (2a)" in listed
    assert "Guia amb dues edicions" not in listed


def test_the_planned_second_abc_edition_is_not_listed_but_the_first_is(client, library):
    listed = titles(client.get(library.url))
    assert "Guia ABC" in listed
    assert not any("en preparació" in title for title in listed)


def test_each_language_lists_its_own_translations(client, library):
    english = library.get_translation(library.locale.__class__.objects.get(language_code="en"))
    listed = titles(client.get(english.url))
    assert "Guide to cooperative housing for local administrations" in listed
    assert not any("Guia" in title for title in listed)


# Query count: rendering the library must not cost a query per item.


def add_items(library, groups, topics, count, start=0):
    document = make_document("Fitxer compartit", "Text compartit.")
    group_list = list(groups.values())
    for number in range(start, start + count):
        parent = group_list[number % len(group_list)] if number % 2 else library
        make_guide(
            parent,
            f"Element {number:03}",
            topics=[topics["cures"]],
            documents=[document],
            tags=["proves"],
        )


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize(
    "params",
    [{}, {"topic": "cures", "sort": "title"}, {"group": "politiques-de-cures", "year": "2022"}],
)
def test_the_number_of_queries_does_not_grow_with_the_number_of_items(
    client, library, groups, topics, monkeypatch, params
):
    # Every item on one page, so that the second render lists more of them.
    monkeypatch.setattr(LibraryPage, "items_per_page", 500)
    add_items(library, groups, topics, 3)
    client.get(library.url)  # Warm the per-process caches (site root paths, content types).
    with_few, response_few = count_queries(client, library.url, params)
    add_items(library, groups, topics, 12, start=3)
    with_more, response_more = count_queries(client, library.url, params)
    # At least two more rows, so that a query per item would show.
    assert len(titles(response_more)) >= len(titles(response_few)) + 2
    assert with_few == with_more


def test_the_number_of_queries_is_the_same_when_paginated(client, library, groups, topics):
    add_items(library, groups, topics, 6)  # with the demo's items, two pages
    client.get(library.url)
    with_few, _ = count_queries(client, library.url)
    add_items(library, groups, topics, 14, start=6)
    third_page, response = count_queries(client, library.url, {"page": "3"})
    assert len(titles(response)) > 0
    assert with_few == third_page


def test_the_home_page_shows_the_newest_items_of_the_library(client, library):
    newest = make_guide(
        library, "Guia acabada de publicar", publication_date=datetime.date(2099, 1, 1)
    )
    html = client.get("/ca/").content.decode()
    assert 'id="home-library-heading"' in html
    assert f'href="{newest.url}"' in html
    assert f'href="{library.url}"' in html
