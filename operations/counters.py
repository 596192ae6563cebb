"""Counters of recent actions kept in the cache under hashed keys.

Used to rate-limit public forms (sign-in, the needs questionnaire): what is
counted (an account name, a client address) never appears in clear in the
cache, only a keyed hash of it.
"""

import hashlib

from django.conf import settings


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or the last hop that the trusted
    proxy appended to ``LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER`` when one is set."""
    header = settings.LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def hashed_key(namespace, kind, value):
    raw = f"{settings.SECRET_KEY}:{kind}:{value}".encode("utf-8", "surrogateescape")
    return f"{namespace}:{kind}:{hashlib.sha256(raw).hexdigest()}"


def increment(cache, key, timeout):
    """Add one to ``key``, starting a window of ``timeout`` seconds at the first."""
    if not cache.add(key, 1, timeout=timeout):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=timeout)
