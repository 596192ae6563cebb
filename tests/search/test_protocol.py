"""Page types tell the search their date, group and topics through optional attributes."""

import datetime
from types import SimpleNamespace

import pytest

from search import protocol

pytestmark = pytest.mark.django_db


class FakePage:
    first_published_at = datetime.datetime(2020, 5, 1, 12, tzinfo=datetime.UTC)
    last_published_at = None


def test_a_search_result_date_method_wins_over_fields():
    page = FakePage()
    page.date = datetime.date(2021, 1, 1)
    page.search_result_date = lambda: datetime.date(2022, 2, 2)
    assert protocol.result_date(page) == datetime.date(2022, 2, 2)


def test_a_year_field_gives_the_first_of_january():
    page = FakePage()
    page.year = 2022
    assert protocol.result_date(page) == datetime.date(2022, 1, 1)


def test_without_any_date_field_the_first_publication_is_used():
    assert protocol.result_date(FakePage()) == datetime.date(2020, 5, 1)


def test_a_broken_attribute_is_treated_as_absent():
    page = FakePage()
    page.search_result_date = lambda: 1 / 0
    assert protocol.result_date(page) == datetime.date(2020, 5, 1)


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
