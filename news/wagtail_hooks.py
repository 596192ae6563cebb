"""The latest news and the next events on the home page (see ``home_page_sections``)."""

from wagtail import hooks

from news import queries

HOME_NEWS_COUNT = 3
HOME_EVENTS_COUNT = 3


@hooks.register("home_page_sections")
def latest_news_and_next_events(request, home_page):
    news = list(queries.news_items()[:HOME_NEWS_COUNT])
    events = list(queries.upcoming_events()[:HOME_EVENTS_COUNT])
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
