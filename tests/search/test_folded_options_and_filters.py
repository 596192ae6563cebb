"""On a phone the results come in the first screenful: the search options and the
filters are folded in closed <details>, chosen filters or not, and the chosen
filters show above the results as links that remove them (the page's layout is
measured in tests/browser/test_search_on_a_phone.py)."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

pytestmark = pytest.mark.django_db

QUERIES = {"ca": "habitatge", "es": "vivienda", "en": "housing"}
ACTIVE = {"ca": "(1 actiu)", "es": "(1 activo)", "en": "(1 active)"}


def _search(client, language, **params):
    response = client.get(f"/{language}/search/", {"q": QUERIES[language], **params})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search__hit"' in html, "the search found nothing to lay out"
    return html


def _details(html, name):
    """The opening tag of the page's <details> with class ``name``."""
    return re.search(rf'<details class="search__fold {name}"[^>]*>', html).group(0)


@pytest.mark.parametrize("language", QUERIES)
def test_the_options_and_the_filters_are_folded_before_the_results(client, language):
    html = _search(client, language)
    settings, filters = _details(html, "search__settings"), _details(html, "search__filters")
    assert " open" not in settings and " open" not in filters
    assert html.index(settings) < html.index('id="search-sort"')  # the options are inside
    assert html.index(filters) < html.index('class="search__results"')
    assert ACTIVE[language] not in html and 'class="search__chips"' not in html


@pytest.mark.parametrize("language", QUERIES)
def test_chosen_filters_stay_folded_counted_and_removable_above_the_results(client, language):
    unfiltered = _search(client, language)
    type_link = re.search(r'<a href="([^"]*type=[^"]*)"', unfiltered).group(1)
    html = _search(client, language, **_query_of(type_link))
    assert " open" not in _details(html, "search__filters")
    summary = re.search(r"<summary>(.*?)</summary>", html[html.index("search__filters") :], re.S)
    assert ACTIVE[language] in summary.group(1)
    chips = re.search(r'<ul class="search__chips".*?</ul>', html, re.S).group(0)
    assert html.index(chips) < html.index('class="search__list"')
    removal = re.findall(r'href="([^"]*)"', chips)
    assert len(removal) == 1 and "type=" not in removal[0].replace("&amp;", "&")


def _query_of(url):
    return dict(parse_qsl(urlsplit(url.replace("&amp;", "&")).query))
