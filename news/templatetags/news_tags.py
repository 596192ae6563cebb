"""Template tags for pages that advertise news feeds and calendars.

Working group templates call ``{% news_feed_links page %}`` in their
``{% block extra_head %}`` to advertise that group's feeds; with no argument
the tag advertises the network's. ``{% group_news page %}`` and
``{% group_upcoming_events page %}`` list a group's latest news and next events.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from language.grammar import of_name
from news import queries
from news.timezones import EVENT_TIME_ZONE_NAME

register = template.Library()


def feed_links(group=None):
    """[(rel type, title, url)] for the feeds of the network or of one group."""
    if group is not None:
        kwargs = {"group_id": group.pk}
        # "Notícies d'Habitatge cooperatiu", "Noticias de Vivienda cooperativa", "News of …".
        of_group = {"of_group": of_name(group.title)}
        return [
            (
                "application/rss+xml",
                _("News %(of_group)s (RSS)") % of_group,
                reverse("news:group_rss", kwargs=kwargs),
            ),
            (
                "application/atom+xml",
                _("News %(of_group)s (Atom)") % of_group,
                reverse("news:group_atom", kwargs=kwargs),
            ),
            (
                "text/calendar",
                _("Events %(of_group)s (iCalendar)") % of_group,
                reverse("news:group_calendar", kwargs=kwargs),
            ),
        ]
    return [
        ("application/rss+xml", _("Network news (RSS)"), reverse("news:rss")),
        ("application/atom+xml", _("Network news (Atom)"), reverse("news:atom")),
        ("text/calendar", _("Network agenda (iCalendar)"), reverse("news:calendar")),
    ]


@register.inclusion_tag("news/includes/feed_links_head.html", takes_context=True)
def news_feed_links(context, group=None):
    """<link rel="alternate"> elements for the head of a page."""
    return {"links": feed_links(group), "request": context.get("request")}


@register.inclusion_tag("news/includes/feed_links_list.html")
def news_subscribe_links(group=None):
    """The same feeds as visible links, for people (not only feed readers) to find them."""
    return {"links": feed_links(group)}


@register.simple_tag
def event_time_zone():
    """The time zone events are shown in (``settings.TIME_ZONE``), for a reader to see."""
    return EVENT_TIME_ZONE_NAME


@register.simple_tag
def group_news(group, limit=5):
    return list(queries.news_items(group)[:limit])


@register.simple_tag
def group_upcoming_events(group, limit=5):
    return list(queries.upcoming_events(group)[:limit])
