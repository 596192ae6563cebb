"""RSS and Atom feeds of news: valid in every language, for the network and per group."""

import feedparser
import pytest

from django.apps import apps
from django.template import Context, Template

from news.models import NewsPage

from .conftest import add_news

pytestmark = pytest.mark.django_db

LANGUAGES = ["ca", "es", "en"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def group_ids(language):
    groups = apps.get_model("groups", "WorkingGroupPage").objects.filter(
        locale__language_code=language, live=True
    )
    return list(groups.values_list("pk", flat=True))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_network_news_feed_parses_and_every_entry_has_a_link_and_a_date(client, language, kind):
    feed = parse(client, f"/{language}/feeds/news/{kind}/")
    assert feed.entries, "the demo has news in every language"
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")
        assert entry.get("published_parsed") or entry.get("updated_parsed")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_every_working_group_feed_parses_with_links_and_dates(client, language, kind):
    for group_id in group_ids(language):
        feed = parse(client, f"/{language}/feeds/groups/{group_id}/news/{kind}/")
        for entry in feed.entries:
            assert entry.link.startswith(f"http://testserver/{language}/")
            assert entry.get("published_parsed") or entry.get("updated_parsed")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_feed_lists_only_news_in_its_language(client, language):
    feed = parse(client, f"/{language}/feeds/news/rss/")
    titles = {entry.title for entry in feed.entries}
    expected = set(
        NewsPage.objects.live()
        .filter(locale__language_code=language)
        .values_list("title", flat=True)
    )
    assert titles == expected
    assert feed.feed.language == language


def test_a_group_feed_lists_the_group_news_in_every_language(client):
    group_news = NewsPage.objects.filter(related_group__slug="habitatge-cooperatiu")
    for language in LANGUAGES:
        group = apps.get_model("groups", "WorkingGroupPage").objects.get(
            translation_key=group_news.first().related_group.translation_key,
            locale__language_code=language,
        )
        feed = parse(client, f"/{language}/feeds/groups/{group.pk}/news/rss/")
        expected = NewsPage.objects.filter(
            translation_key__in=group_news.values("translation_key"), locale__language_code=language
        )
        assert {entry.title for entry in feed.entries} == set(
            expected.values_list("title", flat=True)
        )
        assert expected.exists()


def test_a_group_feed_leaves_out_other_news(client, news_index, housing_group):
    add_news(news_index, "Unrelated news")
    feed = parse(client, f"/ca/feeds/groups/{housing_group.pk}/news/rss/")
    assert "Unrelated news" not in {entry.title for entry in feed.entries}


def test_an_unknown_group_feed_is_a_404(client):
    assert client.get("/ca/feeds/groups/999999/news/rss/").status_code == 404
    assert client.get("/ca/feeds/groups/99999999999999999999999/news/rss/").status_code == 404
    assert client.get("/ca/calendar/groups/99999999999999999999999/events.ics").status_code == 404


def test_a_page_that_is_not_a_group_has_no_group_feed(client, news_index):
    assert client.get(f"/ca/feeds/groups/{news_index.pk}/news/rss/").status_code == 404


def test_a_group_feed_asked_in_another_language_follows_the_group_into_it(client, housing_group):
    # The Catalan group's id under /en/ gives the English group's feed.
    feed = parse(client, f"/en/feeds/groups/{housing_group.pk}/news/rss/")
    assert "Housing cooperatives" in feed.feed.title


def test_news_index_and_news_pages_advertise_the_feeds(client, news_index):
    for url in (news_index.url, NewsPage.objects.filter(locale=news_index.locale).first().url):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/ca/feeds/news/rss/"' in html
        assert 'href="/ca/feeds/news/atom/"' in html


def test_a_news_page_of_a_group_also_advertises_the_group_feed(client, housing_group):
    page = NewsPage.objects.filter(related_group=housing_group, locale=housing_group.locale).first()
    html = client.get(page.url).content.decode()
    assert f'href="/ca/feeds/groups/{housing_group.pk}/news/rss/"' in html


def test_the_template_tag_gives_group_pages_their_feed_links(rf, housing_group):
    html = Template("{% load news_tags %}{% news_feed_links group %}").render(
        Context({"group": housing_group, "request": rf.get("/")})
    )
    assert f'href="/ca/feeds/groups/{housing_group.pk}/news/atom/"' in html
    assert 'type="text/calendar"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_working_group_pages_advertise_their_news_feeds_and_calendar(client, language):
    group = (
        apps.get_model("groups", "WorkingGroupPage")
        .objects.live()
        .filter(locale__language_code=language)
        .first()
    )
    html = client.get(group.url).content.decode()
    head = html.split("</head>")[0]
    for path in ("news/rss/", "news/atom/"):
        assert f'href="/{language}/feeds/groups/{group.pk}/{path}"' in head
    assert '<link rel="alternate" type="text/calendar"' in head
    assert f'href="/{language}/calendar/groups/{group.pk}/events.ics"' in head
