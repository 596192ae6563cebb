"""Each page type says what it gives the search (``publishing.search_contract``); the index
holds exactly that: its date, topics, group, or its absence."""

import datetime

import pytest

from django.apps import apps

from wagtail.models import Page

from knowledge.models import GuidePage
from news.models import NewsIndexPage, NewsPage, NewsPageTopic
from publishing.search_contract import SearchContract, SearchFacts
from search import indexing
from search.models import SearchEntry
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"home", "groups", "knowledge", "news", "members"}


def entry_of(page):
    return SearchEntry.objects.get(page=page)


def test_every_page_type_of_the_site_declares_its_search_contract():
    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in PROJECT_APPS
    ]
    assert len(page_types) >= 10, "the project's page types are found"
    assert [m.__name__ for m in page_types if not issubclass(m, SearchContract)] == []


def test_a_guide_gives_its_publication_date_topics_and_group():
    guide = GuidePage.objects.filter(
        live=True, working_group__isnull=False, topics__isnull=False
    ).first()
    assert guide is not None, "the demo has a guide with topics and a group"
    entry = entry_of(guide)
    assert entry.date == guide.publication_date
    assert entry.working_group_id == guide.working_group_id
    topic_ids = {int(i) for i in entry.topic_ids.strip("|").split("|")}
    assert topic_ids == set(guide.topics.values_list("pk", flat=True))


def test_a_news_item_gives_the_topics_of_its_rows_and_its_date(
    django_capture_on_commit_callbacks,
):
    news_index = NewsIndexPage.objects.get(locale__language_code="ca", live=True)
    topic = Topic.objects.filter(locale=news_index.locale).first()
    item = NewsPage(
        title="Notícia amb tema",
        slug="noticia-amb-tema",
        lead="Una notícia.",
        date=datetime.date(2021, 3, 4),
    )
    item.topics = [NewsPageTopic(topic=topic)]
    with django_capture_on_commit_callbacks(execute=True):
        news_index.add_child(instance=item)
        item.save_revision().publish()
    entry = entry_of(item)
    assert entry.date == datetime.date(2021, 3, 4)
    assert entry.topic_ids == f"|{topic.pk}|"


def test_a_page_type_without_a_date_has_none_not_its_publication_day(publish):
    page = publish("Pàgina sense data pròpia", "text")
    assert page.first_published_at is not None
    assert entry_of(page).date is None


def test_a_page_type_that_excludes_itself_leaves_the_index(publish, monkeypatch):
    page = publish("Pàgina que es retira de la cerca", "text")
    assert SearchEntry.objects.filter(page=page).exists()
    monkeypatch.setattr(
        type(page), "search_facts", lambda self: SearchFacts(excluded=True), raising=True
    )
    indexing.refresh(pages=[page.pk])
    assert not SearchEntry.objects.filter(page=page).exists()
