"""Keeps the public needs questionnaire open to people and costly for bots.

* A trap field people never meet: hidden by the stylesheet, out of the tab
  order and hidden from assistive technology. An answer that fills it is
  thanked like any other and kept nowhere.
* At most ``QUESTIONNAIRE_MAX_PER_ADDRESS`` answers per client address in
  ``QUESTIONNAIRE_WINDOW_SECONDS``. Past that, the filled-in form comes back
  with a 429 and a message, so nothing typed is lost.

Addresses are counted in the cache under hashed keys, never stored in clear.
"""

from django.conf import settings
from django.core.cache import caches

from operations.counters import client_address, hashed_key, increment

TRAP_FIELD = "leave_empty"


def is_trapped(form):
    return bool(form.cleaned_data.get(TRAP_FIELD, "").strip())


def _key(request):
    return hashed_key("questionnaire", "address", client_address(request))


def _cache():
    return caches[settings.QUESTIONNAIRE_CACHE_ALIAS]


def over_limit(request):
    return (_cache().get(_key(request)) or 0) >= settings.QUESTIONNAIRE_MAX_PER_ADDRESS


def count_answer(request):
    increment(_cache(), _key(request), settings.QUESTIONNAIRE_WINDOW_SECONDS)
