"""The network's events happen where the network is: entered and shown in the site's time zone.

That zone is ``settings.TIME_ZONE`` (Europe/Madrid). Times are stored as aware
datetimes (UTC in the database), so the same 18:00 stays 18:00 on both sides of
a daylight-saving change, whatever time zone the server or an editor's browser
is in.
"""

from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone

EVENT_TIME_ZONE_NAME = settings.TIME_ZONE
EVENT_TIME_ZONE = ZoneInfo(EVENT_TIME_ZONE_NAME)


def event_local(value):
    """An aware datetime in the events' time zone."""
    if value is None:
        return None
    return timezone.localtime(value, EVENT_TIME_ZONE)


class EventDateTimeField(forms.DateTimeField):
    """A form field that reads and shows wall-clock time in the events' time zone,
    even when an editor's admin preferences use another time zone."""

    def prepare_value(self, value):
        with timezone.override(EVENT_TIME_ZONE):
            return super().prepare_value(value)

    def to_python(self, value):
        with timezone.override(EVENT_TIME_ZONE):
            return super().to_python(value)
