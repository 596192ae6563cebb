"""Keeps the public needs questionnaire open to people and costly for bots.

* A trap field people never meet: hidden by the stylesheet, out of the tab
  order and hidden from assistive technology. An answer that fills it is
  thanked like any other and kept nowhere.
* At most ``QUESTIONNAIRE_MAX_PER_ADDRESS`` answers per client address in
  ``QUESTIONNAIRE_WINDOW_SECONDS``. Past that, the filled-in form comes back
  with a 429 and a message, so nothing typed is lost.

Addresses are counted in the cache under hashed keys, never stored in clear.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from operations.login_throttle import client_address

TRAP_FIELD = "leave_empty"


def is_trapped(form):
    return bool(form.cleaned_data.get(TRAP_FIELD, "").strip())


def _key(request):
    raw = f"{settings.SECRET_KEY}:questionnaire:{client_address(request)}"
    return "questionnaire:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _cache():
    return caches[settings.QUESTIONNAIRE_CACHE_ALIAS]


def over_limit(request):
    return (_cache().get(_key(request)) or 0) >= settings.QUESTIONNAIRE_MAX_PER_ADDRESS


def count_answer(request):
    cache, key = _cache(), _key(request)
    if not cache.add(key, 1, timeout=settings.QUESTIONNAIRE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=settings.QUESTIONNAIRE_WINDOW_SECONDS)
