"""What the public sees of news and events, in the active language.

Shared by the feeds, the calendars, the template tags and the ``groups`` app
(a group page lists its news and events): ``news`` finds a working group only
by its translation key, never by importing ``groups``.
"""

from django.apps import apps
from django.http import Http404
from django.utils import timezone

from news.models import AgendaPage, EventPage, NewsIndexPage, NewsPage
from operations.public_snapshot import once_per_public_change
from operations.request_memo import active_locale
from publishing.visibility import public_pages

FEED_LENGTH = 30
# Ids beyond a 64-bit integer would make the database raise instead of answering 404.
MAX_ID = 2**63


def working_group_model():
    return apps.get_model("groups", "WorkingGroupPage")


def get_visible_group(group_id):
    """The working group with this id, in the active language when translated; 404 if not public."""
    if not 0 < group_id < MAX_ID:
        raise Http404("No such working group.")
    groups = public_pages(working_group_model().objects.all())
    group = groups.filter(pk=group_id).first()
    if group is None:
        raise Http404("No such working group.")
    return (
        groups.filter(translation_key=group.translation_key, locale=active_locale()).first()
        or group
    )


def news_items(group=None):
    items = public_pages(NewsPage.objects.filter(locale=active_locale()))
    items = items.select_related("image").prefetch_related("image__renditions")
    if group is not None:
        items = items.filter(related_group__translation_key=group.translation_key)
    return items.order_by("-date", "-first_published_at")


def events(group=None):
    items = public_pages(EventPage.objects.filter(locale=active_locale()))
    if group is not None:
        items = items.filter(organising_group__translation_key=group.translation_key)
    return items.order_by("start")


def upcoming_events(group=None):
    return events(group).filter(finishes_at__gt=timezone.now())


def upcoming_among(fetched_events, now=None):
    """The events of a list fetched earlier that ``upcoming_events`` would still list now."""
    now = now or timezone.now()
    return [event for event in fetched_events if event.finishes_at > now]


def news_index():
    """The news index of the active language, for feed links back to the site (kept until
    the public view changes, ``operations.public_snapshot``)."""
    return _first_public(NewsIndexPage)


def agenda():
    return _first_public(AgendaPage)


def _first_public(model):
    locale = active_locale()
    return once_per_public_change(
        ("news:first_public", model._meta.label, locale.pk),
        lambda: public_pages(model.objects.filter(locale=locale)).first(),
    )
