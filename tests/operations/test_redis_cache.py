"""The Redis cache backend keeps one client per process, and an unreachable Redis costs
speed, not the site (operations.rediscache)."""

import secrets

import pytest

from django.core.cache import caches
from django.test import override_settings

from tests.browser.server import free_port
from tests.fleet.fleet import REDIS_URL, redis_unavailable

CLOSED = f"127.0.0.1:{free_port()}"  # no server listens there

pytestmark = pytest.mark.skipif(bool(redis_unavailable()), reason=redis_unavailable() or "")


@pytest.fixture
def redis_cache():
    alias = "redis-under-test"
    backend = {
        "BACKEND": "operations.rediscache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"test-{secrets.token_hex(6)}",
    }
    with override_settings(CACHES={"default": backend, alias: backend}):
        cache = caches[alias]
        yield cache
        cache.delete_many(["page", "generation"])  # never clear(): the Redis may be shared


def test_values_go_to_redis_and_come_back(redis_cache):
    redis_cache.set("page", {"body": "Benvinguts"}, 30)
    assert redis_cache.get("page") == {"body": "Benvinguts"}
    redis_cache.set("generation", 41, None)
    assert redis_cache.incr("generation") == 42
    redis_cache.delete("page")
    assert redis_cache.get("page") is None


def test_every_operation_uses_the_same_client(redis_cache):
    first = redis_cache._cache.get_client("page")
    assert redis_cache._cache.get_client("other", write=True) is first
    redis_cache.set("page", "x", 30)
    assert redis_cache._cache.get_client("page") is first


def test_an_unreachable_redis_answers_as_an_empty_cache_that_keeps_nothing():
    """A cache is an accelerator: every caller (the page cache, Wagtail's site root paths
    and renditions) works on, uncached, while Redis is down."""
    unreachable = {"BACKEND": "operations.rediscache.RedisCache", "LOCATION": f"redis://{CLOSED}/0"}
    with override_settings(CACHES={"default": unreachable}):
        cache = caches["default"]
        mark = cache.failure_mark()
        cache.set("page", "x", 30)
        assert cache.get("page") is None
        assert cache.get("page", "absent") == "absent"
        assert cache.add("page", "x") is False
        assert cache.get_many(["page", "menu"]) == {}
        assert cache.set_many({"page": "x", "menu": "y"}) == ["page", "menu"]
        assert cache.delete("page") is False
        cache.delete_many(["page"])
        assert cache.has_key("page") is False
        with pytest.raises(ValueError):
            cache.incr("generation")
        assert cache.failure_mark() != mark
        assert cache.last_error == "ConnectionError"
