"""Drafts, private and future-scheduled items never reach a feed, a calendar, a listing
or a bulletin."""

import datetime

import feedparser
import icalendar
import pytest

from django.utils import timezone

from wagtail.models import PageViewRestriction

from news.models import BulletinEvent, BulletinNews, BulletinPage

from .conftest import add_event, add_news, madrid

pytestmark = pytest.mark.django_db

START = madrid(2031, 6, 12, 18)


def hidden_items(news_index, agenda, housing_group):
    """One draft, one private and one future-scheduled news item and event, all of the
    housing group."""
    draft_news = add_news(news_index, "Draft news", publish=False, related_group=housing_group)
    private_news = add_news(news_index, "Private news", related_group=housing_group)
    PageViewRestriction.objects.create(
        page=private_news, restriction_type=PageViewRestriction.LOGIN
    )
    scheduled_news = add_news(
        news_index, "Scheduled news", publish=False, related_group=housing_group
    )
    scheduled_news.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled_news.save_revision().publish()

    draft_event = add_event(
        agenda, "Draft event", start=START, publish=False, organising_group=housing_group
    )
    private_event = add_event(agenda, "Private event", start=START, organising_group=housing_group)
    PageViewRestriction.objects.create(
        page=private_event, restriction_type=PageViewRestriction.LOGIN
    )
    scheduled_event = add_event(
        agenda, "Scheduled event", start=START, publish=False, organising_group=housing_group
    )
    scheduled_event.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled_event.save_revision().publish()
    return [draft_news, private_news, scheduled_news], [draft_event, private_event, scheduled_event]


HIDDEN_TITLES = {
    "Draft news",
    "Private news",
    "Scheduled news",
    "Draft event",
    "Private event",
    "Scheduled event",
}


@pytest.fixture
def hidden(news_index, agenda, housing_group):
    return hidden_items(news_index, agenda, housing_group)


def test_scheduled_items_are_not_live_yet(hidden):
    news, events = hidden
    assert not news[2].live and not events[2].live
    assert news[2].go_live_at > timezone.now()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_hidden_news_never_appear_in_the_feeds(client, hidden, housing_group, kind):
    for url in (f"/ca/feeds/news/{kind}/", f"/ca/feeds/groups/{housing_group.pk}/news/{kind}/"):
        feed = feedparser.parse(client.get(url).content)
        assert not {entry.title for entry in feed.entries} & HIDDEN_TITLES


def test_hidden_events_never_appear_in_the_calendars(client, hidden, housing_group):
    for url in ("/ca/calendar/events.ics", f"/ca/calendar/groups/{housing_group.pk}/events.ics"):
        calendar = icalendar.Calendar.from_ical(client.get(url).content)
        assert not {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")} & HIDDEN_TITLES


def test_hidden_items_never_appear_in_the_news_index_or_the_agenda(
    client, hidden, news_index, agenda
):
    html = client.get(news_index.url).content.decode() + client.get(agenda.url).content.decode()
    assert not [title for title in HIDDEN_TITLES if title in html]


def test_a_private_event_has_no_public_ics_download(client, hidden):
    private_event = hidden[1][1]
    response = client.get(f"{private_event.url}ics/")
    assert response.status_code in (302, 403)
    assert b"BEGIN:VCALENDAR" not in response.content


def test_a_live_page_with_a_future_go_live_date_is_kept_out(client, news_index):
    # Rows changed outside Wagtail's publishing actions are filtered too.
    page = add_news(news_index, "Odd row")
    type(page).objects.filter(pk=page.pk).update(
        go_live_at=timezone.now() + datetime.timedelta(days=1)
    )
    feed = feedparser.parse(client.get("/ca/feeds/news/rss/").content)
    assert "Odd row" not in {entry.title for entry in feed.entries}


def test_a_bulletin_leaves_out_chosen_items_that_are_no_longer_public(client, news_index, hidden):
    news, events = hidden
    public_news = add_news(news_index, "Public news")
    bulletin = BulletinPage(
        title="Bulletin with hidden items",
        lead="x",
        date=datetime.date(2031, 7, 1),
        period_start=datetime.date(2031, 6, 1),
        period_end=datetime.date(2031, 6, 30),
        chosen_news=[BulletinNews(news=page) for page in [*news, public_news]],
        chosen_events=[BulletinEvent(event=page) for page in events],
    )
    news_index.add_child(instance=bulletin)
    bulletin.save_revision().publish()
    for url in (bulletin.url, f"{bulletin.url}email/"):
        html = client.get(url).content.decode()
        assert "Public news" in html
        assert not [title for title in HIDDEN_TITLES if title in html]
