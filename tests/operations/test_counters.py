"""Attempt counters add one and read the result in one statement (operations.counters)."""

import threading
import uuid

import pytest

from django.db import connection, connections

from operations import counters
from operations.models import AttemptCounter

pytestmark = pytest.mark.django_db


def test_each_increment_returns_the_new_count():
    key = f"test:{uuid.uuid4()}"
    assert [counters.increment(key, 60).value for _ in range(3)] == [1, 2, 3]
    assert counters.current(key).value == 3


def test_an_expired_window_starts_again_at_one():
    key = f"test:{uuid.uuid4()}"
    counters.increment(key, 60)
    counters.increment(key, 60)
    AttemptCounter.objects.filter(key=key).update(expires_at=0)
    assert counters.current(key).value == 0
    assert counters.increment(key, 60).value == 1


def test_a_refund_gives_back_one_attempt_and_never_goes_below_zero():
    key = f"test:{uuid.uuid4()}"
    counters.increment(key, 60)
    counters.refund(key)
    counters.refund(key)
    assert counters.current(key).value == 0


def test_ipv6_clients_are_counted_by_their_64_block(rf, settings):
    settings.LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER = ""
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    same_block = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    other_block = rf.get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert counters.client_network(one) == counters.client_network(same_block)
    assert counters.client_network(one) != counters.client_network(other_block)
    assert counters.client_network(rf.get("/", REMOTE_ADDR="192.0.2.4")) == "192.0.2.4"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs connections that write at once; SQLite's test database is one shared memory",
)
def test_concurrent_increments_each_get_a_different_count():
    """Thirty connections add one at the same moment: every count from 1 to 30 comes back once."""
    key = f"test:{uuid.uuid4()}"
    start = threading.Barrier(30)
    results = []

    def add_one():
        try:
            start.wait()
            results.append(counters.increment(key, 60).value)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add_one) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(1, 31))
