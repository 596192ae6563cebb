"""Answers about the public site's structure, kept per process until the public view changes.

Every page asks the same questions whose answers change only when something is
published, unpublished, moved, deleted, restricted or reconfigured: which site
serves this host, its home page in each language, the menu, the footer's
members' area, the network settings, the hidden sections. Reading them from the
database on every request cost about ten queries a page.

``once_per_public_change(key, compute)`` keeps each answer in this process
until one of these happens:

* the page cache's generation (``operations.pagecache``) moves: it is bumped,
  in the shared cache, after every committed change that alters what anonymous
  visitors see (``publishing.events``), so every worker process drops its
  answers at its next request. While the generation cannot be read (the shared
  cache is down) a change elsewhere cannot be seen, so every answer is computed
  afresh, and the generation is a new one when the cache answers again;
* this process saves or deletes a page, or announces a change not yet
  committed (``publishing.events.announce``): the answers are dropped at once,
  and not stored again while this thread's change is pending;
* the clock reaches a page's go-live or expiry time (the visibility rules read
  the time) or the answers are ``MAX_AGE`` seconds old, a bound for writes
  that bypass every signal (``QuerySet.update``).

Outside a reading request (commands, tasks, forms) every call computes afresh.
Callers get a shallow copy of the model instances they are handed, so that one
request's attributes never reach the next.

Answers about one page or one address (``per_item=True``: the page a path
routes to, a page's related pages) are as many as the site has pages, and a
crawler asks for all of them, made-up addresses too: at most ``MAX_ITEMS`` of
them are kept, and the others are computed afresh until the view changes.
"""

import threading
import time

from django.db.models import Min, Model, Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from operations.request_memo import in_request, once_per_request

MAX_AGE = 300  # seconds
MAX_ITEMS = 2000  # answers about one page or one address (``per_item``)

_lock = threading.Lock()
_answers = {}
_stamp = {"generation": None, "until": 0.0}
_ITEMS = object()  # the key under which ``_answers`` counts its per-item answers


def forget():
    """Drop every answer (a change in this process; a test's rolled-back transaction)."""
    with _lock:
        _answers.clear()
        _stamp["generation"] = None
        _stamp["until"] = 0.0


def _next_window_change():
    """When a page next goes live or expires: the visibility rules' answers change then."""
    from wagtail.models import Page

    now = timezone.now()
    bounds = Page.objects.filter(Q(go_live_at__gt=now) | Q(expire_at__gt=now)).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expire=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    moments = [moment.timestamp() for moment in bounds.values() if moment is not None]
    return min([time.time() + MAX_AGE, *moments])


def _current_answers():
    """This process's answers, emptied first when the public view changed; ``None``
    when the generation cannot be read (the cache is down): then nothing is kept."""
    from operations.pagecache import generation

    current = once_per_request("public_snapshot:generation", generation)
    if current is None:
        return None
    with _lock:
        if _stamp["generation"] == current and time.time() < _stamp["until"]:
            return _answers
    until = _next_window_change()
    with _lock:
        if _stamp["generation"] != current or time.time() >= _stamp["until"]:
            _answers.clear()
            _stamp["generation"] = current
            _stamp["until"] = until
        return _answers


def _fresh(value):
    """A copy a request may annotate: model instances, and lists or dicts of them."""
    if isinstance(value, list):
        return [_fresh(item) for item in value]
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, Model):
        return _copy_instance(value)
    return value


def _copy_instance(instance):
    """``copy.copy(instance)`` without the pickling protocol Django's models go through
    (a tenth of a cheap page's time): the same shallow copy, with its own state and
    cache of related objects."""
    clone = instance.__class__.__new__(instance.__class__)
    clone.__dict__ = instance.__dict__.copy()
    state = instance._state
    clone._state = object.__new__(type(state))
    clone._state.__dict__ = {**state.__dict__, "fields_cache": state.fields_cache.copy()}
    return clone


def once_per_public_change(key, compute, *, per_item=False):
    """``compute()``, or its answer kept since the public view last changed (see above);
    ``per_item``: one of many answers about single pages or addresses (bounded)."""
    from publishing.events import has_pending_changes

    if not in_request() or has_pending_changes():
        return compute()

    def kept():
        answers = _current_answers()
        if answers is None:
            return compute()
        if key in answers:
            return answers[key]
        answer = compute()
        with _lock:
            if per_item:
                if answers.get(_ITEMS, 0) >= MAX_ITEMS:
                    return answer
                answers[_ITEMS] = answers.get(_ITEMS, 0) + 1
            answers[key] = answer
        return answer

    return once_per_request(("public_snapshot", key), lambda: _fresh(kept()))


def _forget_on_page_write(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        forget()


def connect():
    post_save.connect(_forget_on_page_write, dispatch_uid="public-snapshot-page-saved")
    post_delete.connect(_forget_on_page_write, dispatch_uid="public-snapshot-page-deleted")
