"""Events happen in Catalonia: 18:00 stays 18:00 in summer and in winter, on the page
and in calendars."""

import datetime
from html import unescape

import icalendar
import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import EventPage
from news.models.events import EventPageForm

from .conftest import add_event, madrid

pytestmark = pytest.mark.django_db

SUMMER = madrid(2031, 7, 10, 18)
WINTER = madrid(2031, 1, 16, 18)


@pytest.mark.parametrize("start", [SUMMER, WINTER], ids=["summer", "winter"])
def test_an_event_at_six_in_the_evening_shows_18_00_on_its_page(client, agenda, start):
    event = add_event(agenda, "Evening committee", start=start)
    html = client.get(event.url).content.decode()
    assert "18:00" in html
    assert f'datetime="{start.isoformat()}"' in html


@pytest.mark.parametrize("start", [SUMMER, WINTER], ids=["summer", "winter"])
def test_an_event_at_six_in_the_evening_shows_18_00_in_the_agenda(client, agenda, start):
    add_event(agenda, "Evening committee", start=start)
    html = client.get(agenda.url).content.decode()
    assert "18:00" in html.split("Evening committee")[1][:400]


@pytest.mark.parametrize("start", [SUMMER, WINTER], ids=["summer", "winter"])
def test_an_event_at_six_in_the_evening_is_at_18_00_madrid_time_in_the_calendar(
    client, agenda, start
):
    event = add_event(
        agenda, "Evening committee", start=start, end=start + datetime.timedelta(hours=2)
    )
    body = client.get(f"{event.url}ics/").content.decode()
    assert f"DTSTART;TZID=Europe/Madrid:{start:%Y%m%d}T180000" in body
    (component,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert component["DTSTART"].dt.hour == 18
    assert component["DTSTART"].dt.utcoffset() == start.utcoffset()
    assert component["DTEND"].dt.hour == 20


def test_summer_and_winter_six_pm_are_different_instants_in_utc():
    # The database keeps UTC; the offsets differ across the daylight-saving change.
    assert SUMMER.astimezone(datetime.UTC).hour == 16
    assert WINTER.astimezone(datetime.UTC).hour == 17


def test_the_network_calendar_keeps_18_00_for_both_events(client, agenda):
    add_event(agenda, "Summer committee", start=SUMMER)
    add_event(agenda, "Winter committee", start=WINTER)
    calendar = icalendar.Calendar.from_ical(client.get("/ca/calendar/events.ics").content)
    starts = {str(event["SUMMARY"]): event["DTSTART"].dt for event in calendar.walk("VEVENT")}
    assert starts["Summer committee"].hour == starts["Winter committee"].hour == 18


def test_the_admin_form_reads_times_as_madrid_time_whatever_the_editor_time_zone(agenda):
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    data = {
        "title": "Committee",
        "slug": "committee",
        "lead": "Summary",
        "format": "online",
        "start": "2031-07-10 18:00",
        "end": "",
        "body-count": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    with timezone.override("America/New_York"):
        form = form_class(data, instance=EventPage(), parent_page=agenda, for_user=None)
        form.is_valid()
    assert "start" not in form.errors, form.errors
    assert form.cleaned_data["start"] == SUMMER


def test_an_event_cannot_end_before_it_starts(agenda):
    event = EventPage(
        title="Backwards",
        slug="backwards",
        lead="x",
        start=SUMMER,
        end=SUMMER - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_an_in_person_event_needs_a_place(agenda):
    event = EventPage(title="Assembly", slug="assembly", lead="x", start=SUMMER, format="in_person")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "place" in error.value.message_dict


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("ca", "Els horaris són en hora de Catalunya (Europe/Madrid)."),
        ("es", "Los horarios están en hora de Cataluña (Europe/Madrid)."),
        ("en", "Times are in Catalonia's time (Europe/Madrid)."),
    ],
)
def test_the_agenda_names_the_time_zone_of_the_settings_in_its_language(
    client, settings, language, note
):
    from news.models import AgendaPage

    assert settings.TIME_ZONE == "Europe/Madrid"
    agenda = AgendaPage.objects.get(locale__language_code=language)
    response = client.get(agenda.url)
    assert response.status_code == 200
    assert note in unescape(response.content.decode())
