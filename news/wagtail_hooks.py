"""The latest news and the next events on the home page (see ``home_page_sections``)."""

from django.utils.translation import get_language

from wagtail import hooks

from news import queries
from news.group_scope import refuse_types_coordinators_do_not_write
from operations.public_snapshot import once_per_public_change

HOME_NEWS_COUNT = 3
HOME_EVENTS_COUNT = 3


@hooks.register("home_page_sections")
def latest_news_and_next_events(request, home_page):
    """Read once until the public view changes (``operations.public_snapshot``): the
    upcoming events as they were then, of which those not yet over are shown."""
    language = get_language()
    news = once_per_public_change(
        ("news:home_latest", language), lambda: list(queries.news_items()[:HOME_NEWS_COUNT])
    )
    upcoming = once_per_public_change(
        ("news:home_upcoming", language), lambda: list(queries.upcoming_events())
    )
    events = queries.upcoming_among(upcoming)[:HOME_EVENTS_COUNT]
    if not news and not events:
        return None
    return {
        "template": "news/includes/home_section.html",
        "stylesheet": "news/news.css",
        "order": 20,
        "news": news,
        "events": events,
        "news_index": queries.news_index(),
        "agenda": queries.agenda(),
    }


hooks.register("before_create_page", refuse_types_coordinators_do_not_write)
