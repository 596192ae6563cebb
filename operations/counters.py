"""Counters of recent actions, kept in the database under hashed keys.

Used to rate-limit sign-in (``operations.login_throttle``) and the public needs
questionnaire (``members.guard``). What is counted (an account name, a client
address) never appears in clear, only a keyed hash of it.

Why the database and not the cache: one ``INSERT … ON CONFLICT … RETURNING``
statement (SQLite 3.35+ and PostgreSQL) adds one and returns the new count, so
that a request reserves its attempt *before* it is evaluated and thirty
concurrent guesses cannot all read "four so far"; the file cache has no atomic
increment, and the counters must not share their room with the page cache.
"""

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import F

from .models import AttemptCounter


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or the last hop that the trusted
    proxy appended to ``LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER`` when one is set."""
    header = settings.LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_network(request):
    """The address to count: an IPv4 address, or the /64 an IPv6 address belongs to
    (one subscriber gets a whole /64, so counting single IPv6 addresses counts nothing)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def hashed_key(namespace, kind, value):
    raw = f"{settings.SECRET_KEY}:{kind}:{value}".encode("utf-8", "surrogateescape")
    return f"{namespace}:{kind}:{hashlib.sha256(raw).hexdigest()}"


@dataclass(frozen=True)
class Count:
    value: int
    expires_at: int

    @property
    def seconds_left(self):
        return max(1, math.ceil(self.expires_at - time.time()))


_INCREMENT = """
INSERT INTO {t} ({key}, {count}, {expires}) VALUES (%s, 1, %s)
ON CONFLICT ({key}) DO UPDATE SET
    {count} = CASE WHEN {t}.{expires} <= %s THEN 1 ELSE {t}.{count} + 1 END,
    {expires} = CASE WHEN {t}.{expires} <= %s THEN excluded.{expires} ELSE {t}.{expires} END
RETURNING {count}, {expires}
"""


def increment(key, window_seconds):
    """Add one to ``key`` and return the new ``Count``; a window of ``window_seconds``
    starts at the first attempt, and an expired window starts again at one."""
    now = int(time.time())
    quote = connection.ops.quote_name
    sql = _INCREMENT.format(
        t=quote(AttemptCounter._meta.db_table),
        key=quote("key"),
        count=quote("count"),
        expires=quote("expires_at"),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, now + window_seconds, now, now])
        value, expires_at = cursor.fetchone()
    if value == 1:  # A new window: a good moment to drop the ones that ended.
        AttemptCounter.objects.filter(expires_at__lte=now).delete()
    return Count(value, expires_at)


def current(key):
    """The count of ``key`` in its current window (zero when none is open)."""
    row = AttemptCounter.objects.filter(key=key, expires_at__gt=int(time.time())).first()
    return Count(row.count, row.expires_at) if row else Count(0, int(time.time()))


def refund(key):
    """Take back one attempt (a successful sign-in costs nothing)."""
    AttemptCounter.objects.filter(key=key, count__gt=0).update(count=F("count") - 1)


def clear(key):
    AttemptCounter.objects.filter(key=key).delete()
