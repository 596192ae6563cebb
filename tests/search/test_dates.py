"""Results, the year facet and cards show the content's own date, never the day it was loaded."""

import datetime
import html

import pytest

from groups.models import WorkingGroupPage
from knowledge.models import GuidePage

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2022, 6, 1)  # the housing guide's publication date in the demo


@pytest.fixture
def housing_guide():
    guide = GuidePage.objects.get(
        locale__language_code="ca", live=True, slug__startswith="guia-de-cooperativisme"
    )
    assert guide.publication_date == PUBLISHED
    assert guide.first_published_at.date() != PUBLISHED, "loaded today, published in 2022"
    return guide


def search(client, query, **params):
    return client.get("/api/search/", {"q": query, **params}).json()


def test_the_housing_guides_result_shows_its_publication_date(client, housing_guide):
    [hit] = [h for h in search(client, "masoveria")["results"] if h["url"] == housing_guide.url]
    assert hit["date"] == PUBLISHED.isoformat()
    page = client.get("/ca/search/", {"q": "masoveria"}).content.decode()
    assert f'<time datetime="{PUBLISHED.isoformat()}">' in page
    assert housing_guide.first_published_at.date().isoformat() not in page


def test_the_housing_guides_card_on_its_group_page_shows_its_publication_date(
    client, housing_guide
):
    group = WorkingGroupPage.objects.get(pk=housing_guide.working_group_id)
    page = client.get(group.url).content.decode()
    assert html.escape(housing_guide.title) in page
    assert f'<time datetime="{PUBLISHED.isoformat()}">' in page
    assert housing_guide.first_published_at.date().isoformat() not in page


def test_the_year_facet_offers_the_contents_years_not_the_year_of_loading(client, housing_guide):
    data = search(client, "cooperatives", lang="all", per_page=50)
    assert data["total"] <= 50, "every result is on this page"
    years = {option["value"]: option["count"] for option in data["facets"]["year"]}
    assert PUBLISHED.year in years
    load_year = housing_guide.first_published_at.year
    # Only an event can be dated in the year the demo was loaded: its own start.
    events_then = [
        hit
        for hit in data["results"]
        if hit["type"] == "news.eventpage" and hit["date"].startswith(str(load_year))
    ]
    assert years.get(load_year, 0) == len(events_then)


def test_a_page_without_a_date_of_its_own_shows_none(client):
    group = WorkingGroupPage.objects.get(locale__language_code="ca", slug="habitatge-cooperatiu")
    [hit] = [h for h in search(client, "cooperatiu")["results"] if h["url"] == group.url]
    assert hit["date"] is None
