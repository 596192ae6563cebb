"""On PostgreSQL a search keeps the planner on the full-text indexes while it runs, and
leaves the caller's transaction as it found it."""

import pytest

from django.db import connection

from search.retrieval import index_scans

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting"),
]


def _seqscan():
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        return cursor.fetchone()[0]


def test_sequential_scans_are_off_inside_and_back_on_after():
    assert _seqscan() == "on"
    with index_scans():
        assert _seqscan() == "off"
        with index_scans():  # a nested block (the corrected pass of a search) changes nothing
            assert _seqscan() == "off"
        assert _seqscan() == "off"
    assert _seqscan() == "on"


def test_a_failure_inside_still_gives_the_setting_back():
    with pytest.raises(RuntimeError), index_scans():
        raise RuntimeError("the search backend is unavailable")
    assert _seqscan() == "on"
