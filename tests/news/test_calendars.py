"""iCalendar feeds and downloads: parse, carry UID, DTSTART with its zone, SUMMARY and URL."""

import datetime

import icalendar
import pytest

from django.apps import apps

from news.models import EventPage

from .conftest import add_event, locale, madrid

pytestmark = pytest.mark.django_db

LANGUAGES = ["ca", "es", "en"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def assert_complete_events(calendar, language):
    events = list(calendar.walk("VEVENT"))
    for event in events:
        assert event.get("UID")
        assert event.get("SUMMARY")
        assert str(event.get("URL")).startswith(f"http://testserver/{language}/")
        start = event.get("DTSTART")
        if isinstance(start.dt, datetime.datetime):
            assert start.params["TZID"] == "Europe/Madrid"
            assert start.dt.tzinfo is not None
        else:
            assert start.params.get("VALUE") == "DATE"
    if any(isinstance(event.get("DTSTART").dt, datetime.datetime) for event in events):
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Madrid"]
    return events


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_network_calendar_parses_and_every_event_is_complete(client, language):
    events = assert_complete_events(parse(client, f"/{language}/calendar/events.ics"), language)
    assert (
        len(events) == EventPage.objects.live().filter(locale__language_code=language).count() > 0
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_working_group_calendar_parses_and_every_event_is_complete(client, language):
    groups = (
        apps.get_model("groups", "WorkingGroupPage")
        .objects.live()
        .filter(locale__language_code=language)
    )
    seen = 0
    for group in groups:
        seen += len(
            assert_complete_events(
                parse(client, f"/{language}/calendar/groups/{group.pk}/events.ics"), language
            )
        )
    assert seen, "the demo has a group meeting"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_offers_an_ics_download(client, language):
    for event in EventPage.objects.live().filter(locale__language_code=language):
        response = client.get(f"{event.url}ics/")
        assert response["Content-Disposition"].startswith("attachment")
        (component,) = assert_complete_events(
            icalendar.Calendar.from_ical(response.content), language
        )
        assert str(component["SUMMARY"]) == event.title


def test_an_event_has_the_same_uid_in_every_language(client):
    uids = set()
    for language in LANGUAGES:
        source = EventPage.objects.filter(locale__language_code="ca").order_by("start").first()
        event = source.get_translation(locale(language))
        (component,) = icalendar.Calendar.from_ical(client.get(f"{event.url}ics/").content).walk(
            "VEVENT"
        )
        uids.add(str(component["UID"]))
    assert len(uids) == 1


def test_a_group_calendar_lists_only_the_group_events(client, agenda, housing_group):
    add_event(agenda, "Network-wide committee", start=madrid(2031, 5, 8, 18))
    add_event(
        agenda,
        "Housing group workshop",
        start=madrid(2031, 5, 9, 18),
        organising_group=housing_group,
    )
    calendar = parse(client, f"/ca/calendar/groups/{housing_group.pk}/events.ics")
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Housing group workshop" in summaries
    assert "Network-wide committee" not in summaries


def test_an_all_day_event_uses_dates_with_an_exclusive_end(client, agenda):
    event = add_event(
        agenda,
        "FESC fair",
        start=madrid(2031, 10, 24, 0),
        end=madrid(2031, 10, 25, 0),
        all_day=True,
    )
    (component,) = icalendar.Calendar.from_ical(client.get(f"{event.url}ics/").content).walk(
        "VEVENT"
    )
    assert component["DTSTART"].dt == datetime.date(2031, 10, 24)
    assert component["DTEND"].dt == datetime.date(2031, 10, 26)


def test_the_agenda_and_event_pages_advertise_the_calendar(client, agenda):
    event = EventPage.objects.live().filter(locale=agenda.locale).first()
    for url in (agenda.url, event.url):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="text/calendar"' in html
        assert 'href="/ca/calendar/events.ics"' in html


def test_an_event_of_a_group_advertises_the_group_calendar(client, agenda, housing_group):
    event = add_event(
        agenda,
        "Housing group workshop",
        start=madrid(2031, 5, 9, 18),
        organising_group=housing_group,
    )
    html = client.get(event.url).content.decode()
    assert f'href="/ca/calendar/groups/{housing_group.pk}/events.ics"' in html
