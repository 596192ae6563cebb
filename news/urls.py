"""Feeds and calendars, mounted under each language prefix (see config.urls)."""

from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("feeds/news/rss/", feeds.news_rss, name="rss"),
    path("feeds/news/atom/", feeds.news_atom, name="atom"),
    path("feeds/groups/<int:group_id>/news/rss/", feeds.news_rss, name="group_rss"),
    path("feeds/groups/<int:group_id>/news/atom/", feeds.news_atom, name="group_atom"),
    path("calendar/events.ics", views.events_calendar, name="calendar"),
    path(
        "calendar/groups/<int:group_id>/events.ics",
        views.group_events_calendar,
        name="group_calendar",
    ),
]
