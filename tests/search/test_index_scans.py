"""On PostgreSQL a search keeps the planner on the full-text indexes (and JIT compilation,
which the planner would otherwise choose for every statement, off) while it runs, and
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


def _jit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        return cursor.fetchone()[0]


def test_jit_compilation_is_off_inside_and_back_on_after():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = on")  # the server's default may be either
    assert _jit() == "on"
    with index_scans():
        assert _jit() == "off"
    assert _jit() == "on"


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
