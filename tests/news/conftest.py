"""Builders for news and events inside the demo tree."""

import datetime

import pytest

from django.apps import apps

from wagtail.models import Locale

from news.models import AgendaPage, EventPage, NewsIndexPage, NewsPage
from news.timezones import EVENT_TIME_ZONE


def madrid(*args):
    return datetime.datetime(*args, tzinfo=EVENT_TIME_ZONE)


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale__language_code="ca")


@pytest.fixture
def agenda(db):
    return AgendaPage.objects.get(locale__language_code="ca")


@pytest.fixture
def housing_group(db):
    return apps.get_model("groups", "WorkingGroupPage").objects.get(slug="habitatge-cooperatiu")


def add_news(parent, title, *, publish=True, **fields):
    fields.setdefault("lead", f"Lead of {title}")
    fields.setdefault("date", datetime.date(2022, 5, 1))
    page = NewsPage(title=title, live=False, **fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def add_event(parent, title, *, start, end=None, publish=True, **fields):
    fields.setdefault("lead", f"Summary of {title}")
    fields.setdefault("format", "online")
    page = EventPage(title=title, start=start, end=end, live=False, **fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def locale(code):
    return Locale.objects.get(language_code=code)
