"""iCalendar output, built with the ``icalendar`` library.

Timed events carry DTSTART/DTEND with TZID=Europe/Madrid and the matching
VTIMEZONE, so calendar programs show 18:00 as 18:00 on both sides of a
daylight-saving change. All-day events use DATE values, as RFC 5545 asks.
UIDs come from the page's translation key: the same event has the same UID in
every language, so subscribing to two languages does not duplicate it.
"""

import datetime

import icalendar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from news.timezones import EVENT_TIME_ZONE_NAME, event_local

PRODUCT_ID = "-//XMESS//Agenda//EN"


def build_calendar(request, events, *, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", EVENT_TIME_ZONE_NAME)
    host = request.get_host().split(":")[0]
    for event in events:
        calendar.add_component(build_event(request, event, host))
    calendar.add_missing_timezones()
    return calendar


def build_event(request, event, host):
    component = icalendar.Event()
    component.add("uid", f"event-{event.translation_key}@{host}")
    component.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    component.add("summary", event.title)
    if event.all_day:
        first_day = event.local_start.date()
        component.add("dtstart", first_day)
        component.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event_local(event.start))
        if event.end and event.end > event.start:
            component.add("dtend", event_local(event.end))
    url = request.build_absolute_uri(event.get_url(request))
    component.add("url", url)
    component.add("description", f"{event.lead}\n\n{url}")
    location = event.place or event.online_url
    if location:
        component.add("location", location)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    component.add("categories", [event.get_format_display()])
    return component


def calendar_response(request, events, *, name, filename, download=True):
    """A calendar file; ``download`` for one event, inline for subscription feeds."""
    calendar = build_calendar(request, events, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Content-Language"] = get_language()
    return response
