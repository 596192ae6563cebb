"""Page types tell the search their date, group and topics through optional attributes."""

import datetime
from types import SimpleNamespace

import pytest

from search import protocol

pytestmark = pytest.mark.django_db


class FakePage:
    first_published_at = datetime.datetime(2020, 5, 1, 12, tzinfo=datetime.UTC)
    last_published_at = None


def test_the_date_is_the_page_types_own_content_date():
    page = FakePage()
    page.content_date = datetime.date(2022, 2, 2)
    assert protocol.content_date(page) == datetime.date(2022, 2, 2)


def test_a_page_type_without_a_content_date_has_no_date_not_its_publication_day():
    page = FakePage()
    page.date = datetime.date(2021, 1, 1)  # no guessing from other attribute names
    assert protocol.content_date(page) is None


def test_a_broken_content_date_is_treated_as_absent():
    page = FakePage()
    page.content_date = lambda: 1 / 0
    assert protocol.content_date(page) is None


def test_topics_may_come_directly_or_through_rows():
    from taxonomy.models import Topic

    topic = Topic.objects.first()
    assert topic is not None, "the demo has topics"
    direct = SimpleNamespace(search_topics=[topic])
    through_rows = SimpleNamespace(topics=[SimpleNamespace(topic=topic)])
    assert protocol.topics(direct) == protocol.topics(through_rows) == [topic]


def test_a_page_can_opt_out_of_the_search():
    assert protocol.excluded(SimpleNamespace(search_exclude=True))
    assert not protocol.excluded(SimpleNamespace())
