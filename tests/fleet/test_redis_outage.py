"""A Redis outage in the fleet (docs/production.md, "What happens when Redis is down"):
the app servers keep answering, uncached; an editor signs in and publishes through one
server while Redis hangs, and the other shows it; when Redis answers again, no server
serves the page it cached before the outage, and caching resumes.

The fleet has a Redis of its own (``tests/redis_server.py``), paused: a hung Redis or
a network fault, which keeps its data, the page cached before the outage and the
generation it was cached under. One worker per app server, so that the worker which
saw the outage is the one that next serves a page (docs/production.md says what a
worker that saw nothing does).
"""

import json
import time

import pytest

from django.utils.html import escape

from operations import rediscache
from tests.redis_server import MISSING, RedisServer

from .fleet import Fleet
from .visitor import Visitor

pytestmark = pytest.mark.skipif(bool(MISSING), reason=MISSING)

HEADER = "X-Page-Cache"


@pytest.fixture(scope="module")
def outage(tmp_path_factory):
    """The fleet and its Redis."""
    redis = RedisServer().start()
    fleet = Fleet(
        tmp_path_factory.mktemp("redis-outage"), workers_per_server=1, redis_url=redis.url
    )
    try:
        arranged = fleet.build(then="from tests.fleet.arrange import main; main()")
        fleet.arranged = json.loads(arranged.strip().splitlines()[-1])
        fleet.start()
        yield fleet, redis
    finally:
        redis.resume()
        fleet.stop()
        redis.stop()


def test_a_publish_while_redis_hangs_shows_everywhere_and_no_page_from_before_comes_back(
    outage,
):
    fleet, redis = outage
    a, b = fleet.servers
    group_path = fleet.arranged["group_path"]
    title = escape(fleet.arranged["product_title"])
    anonymous, secretariat = Visitor(), Visitor()
    anonymous.get(b, group_path)
    cached = anonymous.get(b, group_path)
    assert cached.headers[HEADER] == "hit" and title not in cached.text

    redis.pause()
    try:
        during = anonymous.get(b, group_path)
        assert during.status == 200 and HEADER not in during.headers
        assert title not in during.text
        assert secretariat.get(a, "/admin/login/").status == 200
        credentials = {"username": "secretaria", "password": "secretaria-demo"}
        assert secretariat.post(a, "/admin/login/", credentials).status == 302
        approve = (
            f"/admin/pages/workflow/action/{fleet.arranged['product_id']}/approve/"
            f"{fleet.arranged['task_state_id']}/"
        )
        assert secretariat.post(a, approve, {"comment": ""}).status == 302
        published = anonymous.get(b, group_path)
        assert published.status == 200 and HEADER not in published.headers
        assert title in published.text
    finally:
        redis.resume()

    time.sleep(rediscache.RETRY_SECONDS + 0.5)
    for server in (b, a, b):
        after = anonymous.get(server, group_path)
        assert after.status == 200 and HEADER in after.headers
        assert title in after.text, server.name
    assert after.headers[HEADER] == "hit"
