"""Drafts, private and future-scheduled items never reach a feed, a calendar, a listing
or a bulletin.

Each test first finds a public item of the same group in the same answer, so that an
empty or failing answer cannot pass for a filtered one."""

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


SHOWN_TITLES = {"Public news", "Public event"}


@pytest.fixture
def hidden(news_index, agenda, housing_group):
    add_news(news_index, "Public news", related_group=housing_group)
    add_event(agenda, "Public event", start=START, organising_group=housing_group)
    return hidden_items(news_index, agenda, housing_group)


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def test_scheduled_items_are_not_live_yet(hidden):
    news, events = hidden
    assert not news[2].live and not events[2].live
    assert news[2].go_live_at > timezone.now()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_hidden_news_never_appear_in_the_feeds(client, hidden, housing_group, kind):
    for url in (f"/ca/feeds/news/{kind}/", f"/ca/feeds/groups/{housing_group.pk}/news/{kind}/"):
        titles = {entry.title for entry in feedparser.parse(get_ok(client, url)).entries}
        assert "Public news" in titles
        assert not titles & HIDDEN_TITLES


def test_hidden_events_never_appear_in_the_calendars(client, hidden, housing_group):
    for url in ("/ca/calendar/events.ics", f"/ca/calendar/groups/{housing_group.pk}/events.ics"):
        calendar = icalendar.Calendar.from_ical(get_ok(client, url))
        titles = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
        assert "Public event" in titles
        assert not titles & HIDDEN_TITLES


def test_hidden_items_never_appear_in_the_news_index_or_the_agenda(
    client, hidden, news_index, agenda
):
    html = (get_ok(client, news_index.url) + get_ok(client, agenda.url)).decode()
    assert [title for title in sorted(SHOWN_TITLES) if title in html] == sorted(SHOWN_TITLES)
    assert not [title for title in HIDDEN_TITLES if title in html]


def test_a_private_event_has_no_public_ics_download(client, hidden, agenda):
    public_event = agenda.get_children().get(title="Public event")
    assert b"BEGIN:VCALENDAR" in get_ok(client, f"{public_event.url}ics/")
    private_event = hidden[1][1]
    response = client.get(f"{private_event.url}ics/")
    assert response.status_code in (302, 403)
    assert b"BEGIN:VCALENDAR" not in response.content


def test_a_live_page_with_a_future_go_live_date_is_kept_out(client, news_index):
    # Rows changed outside Wagtail's publishing actions are filtered too.
    page = add_news(news_index, "Odd row")
    feed = feedparser.parse(get_ok(client, "/ca/feeds/news/rss/"))
    assert "Odd row" in {entry.title for entry in feed.entries}
    type(page).objects.filter(pk=page.pk).update(
        go_live_at=timezone.now() + datetime.timedelta(days=1)
    )
    feed = feedparser.parse(get_ok(client, "/ca/feeds/news/rss/"))
    assert "Odd row" not in {entry.title for entry in feed.entries}


def test_a_bulletin_leaves_out_chosen_items_that_are_no_longer_public(client, news_index, hidden):
    news, events = hidden
    public_news = news_index.get_children().get(title="Public news").specific
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
        html = get_ok(client, url).decode()
        assert "Public news" in html
        assert not [title for title in HIDDEN_TITLES if title in html]
