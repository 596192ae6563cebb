"""One guard on every way to prove who you are: the admin and front-end sign-in
forms, page and collection passwords, and the password reset form.

Each guarded post first *reserves* an attempt on three counters
(``operations.counters``, one atomic statement each), and is answered 429
without being evaluated once one of them is over its limit:

* the client's address (an IPv6 /64), whatever the account: stops one machine
  from guessing many accounts;
* the account (a normalised user name, e-mail address or restriction) from
  that address: stops one machine from guessing one password. It does not
  stop the owner, who signs in from another address;
* the account from every address, counted only for browsers the account has
  not signed in from before: stops a guess spread over many addresses. A
  browser where the account signed in successfully carries a signed "device"
  cookie (OWASP's device cookies) and is not held back by it, so even that
  attack cannot lock the owner out.

A successful sign-in gives its attempt back to the address and clears the
account's count from that address. Account names and addresses are only
stored as keyed hashes, and failures are logged without them.

Why our own guard rather than django-axes or django-ratelimit: axes guards
``authenticate()`` only (not page passwords or the reset form), keeps names
and addresses in clear, checks the count before the attempt and records it
after (the race that let 18 of 30 concurrent guesses through), and its
backend refuses ``authenticate()`` calls without a request; ratelimit counts in
the cache (no atomic increment in the file cache, and evictable by the page
cache) and has no notion of a trusted browser. The guard is this one module.
"""

import logging
import math
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.shortcuts import render

from . import counters

logger = logging.getLogger(__name__)

DEVICE_COOKIE_SALT = "operations.login_throttle.device"
#: How many accounts one browser remembers having signed in to.
DEVICE_COOKIE_MAX_ACCOUNTS = 8


def normalise(value):
    """One spelling per account: Unicode-normalised, trimmed and case-folded."""
    return unicodedata.normalize("NFKC", value or "").strip().casefold()


def _posted(field):
    return lambda request, kwargs: normalise(request.POST.get(field, ""))


def _restriction(argument):
    return lambda request, kwargs: str(kwargs.get(argument, ""))


#: URL name → (kind of secret, how to read the account it is for).
GUARDED_VIEWS = {
    "wagtailadmin_login": ("login", _posted("username")),
    "wagtailcore_login": ("login", _posted("username")),
    "wagtailadmin_password_reset": ("password_reset", _posted("email")),
    "wagtailcore_authenticate_with_password": (
        "page_password",
        _restriction("page_view_restriction_id"),
    ),
    "wagtaildocs_authenticate_with_password": (
        "collection_password",
        _restriction("restriction_id"),
    ),
}


@dataclass(frozen=True)
class Attempt:
    kind: str
    account: str
    network: str

    def address_key(self):
        return counters.hashed_key("signin", "address", self.network)

    def pair_key(self):
        return counters.hashed_key("signin", "pair", f"{self.kind}:{self.account}@{self.network}")

    def account_key(self):
        return counters.hashed_key("signin", "account", f"{self.kind}:{self.account}")


def _device_digest(kind, account):
    return counters.hashed_key("device", kind, account).rsplit(":", 1)[-1][:32]


def _trusted_digests(request):
    value = request.COOKIES.get(settings.LOGIN_THROTTLE_DEVICE_COOKIE_NAME)
    if not value:
        return []
    try:
        digests = signing.loads(
            value,
            salt=DEVICE_COOKIE_SALT,
            max_age=settings.LOGIN_THROTTLE_DEVICE_COOKIE_DAYS * 86400,
        )
    except signing.BadSignature:
        return []
    return digests if isinstance(digests, list) else []


def is_trusted(request, attempt):
    """Has this browser signed in to the account before (a valid device cookie)?"""
    return _device_digest(attempt.kind, attempt.account) in _trusted_digests(request)


def reserve(request, attempt):
    """Count the attempt; returns the ``Count`` over its limit, or ``None`` to go ahead."""
    window = settings.LOGIN_THROTTLE_WINDOW_SECONDS
    limits = [(attempt.address_key(), settings.LOGIN_THROTTLE_MAX_PER_ADDRESS)]
    if attempt.account:
        limits.append((attempt.pair_key(), settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS))
        if not is_trusted(request, attempt):
            limits.append((attempt.account_key(), settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT))
    for key, limit in limits:
        count = counters.increment(key, window)
        if count.value > limit:
            return count
    return None


def _remember_device(request, response, user):
    """Set the device cookie: this browser signed in to ``user``'s account."""
    digests = [_device_digest("login", normalise(user.get_username()))]
    if user.email:
        digests.append(_device_digest("password_reset", normalise(user.email)))
    kept = [digest for digest in _trusted_digests(request) if digest not in digests]
    value = signing.dumps((digests + kept)[:DEVICE_COOKIE_MAX_ACCOUNTS], salt=DEVICE_COOKIE_SALT)
    response.set_cookie(
        settings.LOGIN_THROTTLE_DEVICE_COOKIE_NAME,
        value,
        max_age=settings.LOGIN_THROTTLE_DEVICE_COOKIE_DAYS * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _succeeded(request, attempt, response):
    if attempt.kind == "login":
        return getattr(request, "_signed_in_user", None) is not None
    if attempt.kind.endswith("_password"):
        return response.status_code in (301, 302, 303)
    return False  # A password reset is an e-mail sent: it always counts.


def _throttled(request, count):
    minutes = max(1, math.ceil(count.seconds_left / 60))
    response = render(request, "operations/login_throttled.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(count.seconds_left)
    return response


class LoginThrottleMiddleware:
    """Reserves an attempt before a guarded view runs (after the CSRF check), and
    gives it back when the sign-in succeeded."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        attempt = getattr(request, "_signin_attempt", None)
        if attempt is not None and _succeeded(request, attempt, response):
            counters.refund(attempt.address_key())
            counters.clear(attempt.pair_key())
            if attempt.kind == "login":
                _remember_device(request, response, request._signed_in_user)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.LOGIN_THROTTLE_ENABLED or request.method != "POST":
            return None
        match = getattr(request, "resolver_match", None)
        guarded = GUARDED_VIEWS.get(match.url_name) if match else None
        if guarded is None:
            return None
        kind, read_account = guarded
        attempt = Attempt(
            kind, read_account(request, view_kwargs), counters.client_network(request)
        )
        over = reserve(request, attempt)
        if over is not None:
            logger.warning("Sign-in attempt refused by the throttle (%s).", kind)
            return _throttled(request, over)
        request._signin_attempt = attempt
        return None


def _on_login_failed(sender, credentials, request=None, **kwargs):
    logger.warning("Failed sign-in attempt (account and address withheld).")


def _on_logged_in(sender, request, user, **kwargs):
    if request is not None:
        request._signed_in_user = user


def connect_signals():
    user_login_failed.connect(_on_login_failed, dispatch_uid="login-throttle-failed")
    user_logged_in.connect(_on_logged_in, dispatch_uid="login-throttle-success")
