"""Calendar subscriptions: every public event, and the events of one working group."""

from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from news import queries
from news.calendars import calendar_response


@require_GET
@cache_control(max_age=900, public=True)
def events_calendar(request):
    name = _("XMESS agenda")
    return calendar_response(
        request,
        queries.events().select_related("locale"),
        name=name,
        filename="agenda.ics",
        download=False,
    )


@require_GET
@cache_control(max_age=900, public=True)
def group_events_calendar(request, group_id):
    group = queries.get_visible_group(group_id)
    name = _("XMESS agenda: %(group)s") % {"group": group.title}
    return calendar_response(
        request, queries.events(group), name=name, filename=f"{group.slug}.ics", download=False
    )
