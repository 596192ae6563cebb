"""Fleet tests: two gunicorn app servers and one task worker sharing PostgreSQL, Redis
and a media folder (``fleet.py``). They run where both can be had, which in CI is the
PostgreSQL pass of ``.ci/run``; elsewhere they are skipped with the reason."""

import json
import os
from pathlib import Path

import pytest

from .fleet import Fleet, redis_unavailable
from .visitor import Visitor

HERE = Path(__file__).parent


def _unavailable():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return "the fleet shares one PostgreSQL database: set DATABASE_URL=postgres://…"
    missing = redis_unavailable()
    if missing:
        return f"{missing}: apt-get install redis-server, then redis-server --daemonize yes"
    return ""


def pytest_collection_modifyitems(config, items):
    reason = None
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.fleet)
            reason = _unavailable() if reason is None else reason
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    fleet = Fleet(tmp_path_factory.mktemp("fleet"), SIGNIN_MAX_PER_ACCOUNT_AND_ADDRESS="3")
    try:
        arranged = fleet.build(then="from tests.fleet.arrange import main; main()")
        fleet.arranged = json.loads(arranged.strip().splitlines()[-1])
        fleet.start()
        yield fleet
    finally:
        fleet.stop()


@pytest.fixture
def servers(fleet):
    return fleet.servers


@pytest.fixture(scope="module")
def secretariat(fleet):
    """The technical secretariat, signed in through app server A."""
    visitor = Visitor()
    a = fleet.servers[0]
    visitor.get(a, "/admin/login/")
    signed_in = visitor.post(
        a, "/admin/login/", {"username": "secretaria", "password": "secretaria-demo"}
    )
    assert signed_in.status == 302, signed_in.text[-2000:]
    return visitor
