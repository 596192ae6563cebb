"""The Redis cache backend keeps one client per process (operations.rediscache)."""

import secrets

import pytest

from django.core.cache import caches
from django.test import override_settings

from tests.fleet.fleet import REDIS_URL, redis_unavailable

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
