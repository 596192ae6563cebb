"""Django's Redis cache backend, one Redis client per connection pool, and an outage
that costs speed, not the site.

One client: Django's ``RedisCacheClient`` builds a new ``redis.Redis`` object for
every cache operation, and redis-py 8 fills about 170 response callbacks into each
one: some 0.2 ms of CPU, spent twice for every page the anonymous page cache
serves (its generation, then the page), which is a third of what serving a
cached page costs. A client is thread-safe and its pool starts new connections
after a fork, so one client per pool serves every operation.

An outage: a cache is an accelerator, so when Redis cannot be reached (stopped,
restarting, out of memory, a network fault) every operation answers as an empty
cache that keeps nothing: a read misses, a write is dropped, ``add`` and
``delete`` answer ``False``, ``incr`` raises ``ValueError`` as for a missing key.
Every user of the cache (the page cache, Wagtail's site root paths and
renditions) then works uncached. To keep a dead Redis from slowing every request:
short socket timeouts unless ``OPTIONS`` sets others, and after a failure this
process does not try Redis again for ``RETRY_SECONDS`` (each operation misses at
once meanwhile). One warning per ``WARNING_SECONDS`` names the error's class
(never the address, which may hold a password), and one more says when Redis
answers again.

``failure_mark()`` changes whenever an operation of this process did not reach
that Redis: ``operations.pagecache`` compares it before and after reading its
generation, to tell "not cached" from "cannot tell", and to start a new
generation after an outage, during which a purge may have been lost.
"""

import logging
import threading
import time
from functools import partial

from redis.exceptions import RedisError

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

logger = logging.getLogger(__name__)

#: Seconds during which a process leaves Redis alone after a failed operation.
RETRY_SECONDS = 5
#: Seconds between two warnings that Redis cannot be reached.
WARNING_SECONDS = 60
#: Redis answers within a millisecond or two: waiting longer only holds requests up.
TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}

_UNREACHED = object()


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class _Breaker:
    """Whether one Redis location is worth trying, shared by the threads of a process
    (Django gives each thread its own cache object)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failures = 0
        self.retry_at = 0.0
        self.warned_at = None
        self.last_error = None

    def closed(self):
        return not self.retry_at or time.monotonic() >= self.retry_at

    def failed(self, error=None):
        now = time.monotonic()
        with self.lock:
            self.failures += 1
            if error is None:  # skipped while open: nothing new to say
                return
            self.last_error = type(error).__name__
            self.retry_at = now + RETRY_SECONDS
            if self.warned_at is None or now - self.warned_at >= WARNING_SECONDS:
                self.warned_at = now
                logger.warning(
                    "The Redis cache cannot be reached (%s): serving without it, "
                    "trying again every %s seconds.",
                    self.last_error,
                    RETRY_SECONDS,
                )

    def succeeded(self):
        with self.lock:
            if not self.retry_at:
                return
            self.retry_at = 0.0
        logger.info("The Redis cache answers again: caching resumes.")


_breakers = {}
_breakers_lock = threading.Lock()


def _breaker_for(servers):
    with _breakers_lock:
        return _breakers.setdefault(tuple(servers), _Breaker())


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._breaker = _breaker_for(self._servers)

    def failure_mark(self):
        """A value that changes whenever an operation did not reach this Redis."""
        return (id(self._breaker), self._breaker.failures)

    @property
    def last_error(self):
        """The class name of the last error, or ``None`` while Redis answers."""
        return None if self._breaker.closed() else self._breaker.last_error

    def _attempt(self, operation, unreached=None):
        breaker = self._breaker
        if not breaker.closed():
            breaker.failed()
            return unreached
        try:
            result = operation()
        except RedisError as error:
            breaker.failed(error)
            return unreached
        if breaker.retry_at:
            breaker.succeeded()
        return result

    def add(self, *args, **kwargs):
        return self._attempt(partial(super().add, *args, **kwargs), unreached=False)

    def get(self, key, default=None, version=None):
        return self._attempt(partial(super().get, key, default, version), unreached=default)

    def set(self, *args, **kwargs):
        self._attempt(partial(super().set, *args, **kwargs))

    def touch(self, *args, **kwargs):
        return self._attempt(partial(super().touch, *args, **kwargs), unreached=False)

    def delete(self, *args, **kwargs):
        return self._attempt(partial(super().delete, *args, **kwargs), unreached=False)

    def get_many(self, *args, **kwargs):
        return self._attempt(partial(super().get_many, *args, **kwargs), unreached={})

    def has_key(self, *args, **kwargs):
        return self._attempt(partial(super().has_key, *args, **kwargs), unreached=False)

    def incr(self, key, delta=1, version=None):
        result = self._attempt(partial(super().incr, key, delta, version), unreached=_UNREACHED)
        if result is _UNREACHED:
            raise ValueError(f"Key '{key}' not found (the cache cannot be reached).")
        return result

    def set_many(self, data, *args, **kwargs):
        return self._attempt(partial(super().set_many, data, *args, **kwargs), unreached=list(data))

    def delete_many(self, *args, **kwargs):
        self._attempt(partial(super().delete_many, *args, **kwargs))

    def clear(self):
        return self._attempt(super().clear, unreached=False)
