"""Rate limit for sign-in forms (the Wagtail admin login by default).

Failed attempts are counted per account name and per client address in the
cache, under hashed keys: neither the name nor the address is stored in clear
or written to a log. Once either count reaches its limit within the window,
sign-in posts get a 429 page until the window ends; a successful sign-in
clears the account's count.

Why not django-axes: its authentication backend refuses ``authenticate()``
calls without a request (as the test client's ``login()`` makes), and it keeps
usernames and IP addresses in the database and the log.
"""

import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import caches
from django.shortcuts import render

from .counters import client_address, hashed_key, increment

logger = logging.getLogger(__name__)


def _cache():
    return caches[settings.LOGIN_THROTTLE_CACHE_ALIAS]


def _digest(kind, value):
    return hashed_key("loginthrottle", kind, value)


def _keys(request, username):
    keys = [(_digest("address", client_address(request)), settings.LOGIN_THROTTLE_MAX_PER_ADDRESS)]
    if username:
        keys.append(
            (_digest("account", username.strip().lower()), settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT)
        )
    return keys


def is_blocked(request, username):
    cache = _cache()
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request, username))


def record_failure(request, username):
    cache = _cache()
    for key, _limit in _keys(request, username):
        increment(cache, key, settings.LOGIN_THROTTLE_WINDOW_SECONDS)
    logger.warning("Failed sign-in attempt (account and address withheld).")


def clear_account(username):
    _cache().delete(_digest("account", username.strip().lower()))


def _on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None and settings.LOGIN_THROTTLE_ENABLED:
        record_failure(request, credentials.get("username", ""))


def _on_logged_in(sender, request, user, **kwargs):
    clear_account(user.get_username())


def connect_signals():
    user_login_failed.connect(_on_login_failed, dispatch_uid="login-throttle-failed")
    user_logged_in.connect(_on_logged_in, dispatch_uid="login-throttle-success")


class LoginThrottleMiddleware:
    """Answers 429 to a sign-in post while its account or address is blocked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.LOGIN_THROTTLE_ENABLED
            and request.method == "POST"
            and request.path_info in settings.LOGIN_THROTTLE_PATHS
            and is_blocked(request, request.POST.get("username", ""))
        ):
            minutes = max(1, settings.LOGIN_THROTTLE_WINDOW_SECONDS // 60)
            response = render(
                request, "operations/login_throttled.html", {"minutes": minutes}, status=429
            )
            response["Retry-After"] = str(settings.LOGIN_THROTTLE_WINDOW_SECONDS)
            return response
        return self.get_response(request)
