"""Keeps the public needs questionnaire open to people and costly for bots.

* A trap field people never meet: hidden by the stylesheet, out of the tab
  order and hidden from assistive technology. An answer that fills it is
  thanked like any other and kept nowhere.
* At most ``QUESTIONNAIRE_MAX_PER_ADDRESS`` answers per client address in
  ``QUESTIONNAIRE_WINDOW_SECONDS``. Past that, the filled-in form comes back
  with a 429 and a message, so nothing typed is lost.

Addresses are counted in the database under hashed keys, never stored in clear
(``operations.counters``); an answer reserves its place before it is saved, so
concurrent posts cannot all slip under the limit.
"""

from django.conf import settings

from operations.counters import client_network, hashed_key, increment

TRAP_FIELD = "leave_empty"


def is_trapped(form):
    return bool(form.cleaned_data.get(TRAP_FIELD, "").strip())


def _key(request):
    return hashed_key("questionnaire", "address", client_network(request))


def reserve_answer(request):
    """Count one more answer from the client's address; False once past the limit."""
    count = increment(_key(request), settings.QUESTIONNAIRE_WINDOW_SECONDS)
    return count.value <= settings.QUESTIONNAIRE_MAX_PER_ADDRESS
