"""Answers read once per reading request and shared by everything that renders it.

A page asks the same small questions many times: which pages are unpublished
or restricted (``publishing.visibility``), the active language's ``Locale``,
the members' area pages linked from the home page and the footer. Inside
``request_memo()`` (entered by ``RequestMemoMiddleware`` for every GET and
HEAD request) ``once_per_request`` computes each answer once. Reading requests
change no content, so an answer cannot go stale within one; outside a request
(commands, tasks, POSTs) every call computes afresh.
"""

import contextvars
from contextlib import contextmanager

_memo = contextvars.ContextVar("request_memo", default=None)


@contextmanager
def request_memo():
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def in_request():
    """Whether a reading request's memo is open (``RequestMemoMiddleware``)."""
    return _memo.get() is not None


def once_per_request(key, compute):
    """``compute()``, or its earlier answer for ``key`` within this request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def active_locale():
    """``Locale.get_active()``, kept until the public view changes (``public_snapshot``)."""
    from django.utils.translation import get_language

    from wagtail.models import Locale

    from .public_snapshot import once_per_public_change

    return once_per_public_change(("active_locale", get_language()), Locale.get_active)


class RequestMemoMiddleware:
    """GET and HEAD change no content: their questions may share one answer each."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with request_memo():
            return self.get_response(request)
