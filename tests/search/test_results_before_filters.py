"""On a phone the results come first: the filters follow them, folded in a <details>."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_results_come_before_the_folded_filters(client):
    html = client.get("/ca/search/", {"q": "habitatge"}).content.decode()
    assert html.index('class="search__results"') < html.index('class="search__filters"')
    assert '<details class="search__filters">' in html  # folded while no filter is chosen


def test_chosen_filters_stay_unfolded(client):
    html = client.get(
        "/ca/search/", {"q": "habitatge", "lang": "all", "type": "knowledge.guidepage"}
    ).content
    assert '<details class="search__filters" open>' in html.decode()
