"""The search listens to one announcement: ``publishing.events.public_content_changed``.

It is sent once per committed transaction with the pages and documents whose
public state or content may have changed; by then wagtail-localize has
published translations and the reference index says what each page uses. The
refresh itself is queued (``search.tasks``). Bulk loading pauses the
announcement with ``publishing.events.paused()`` and rebuilds after.
"""

import logging

from django.db.models.signals import post_delete, post_save

from publishing.events import public_content_changed

from .backends import get_backend
from .models import SearchEntry, Synonym
from .tasks import refresh_index

logger = logging.getLogger(__name__)


def on_public_content_changed(sender, pages=(), documents=(), **kwargs):
    try:
        refresh_index.enqueue(pages=sorted(pages), documents=sorted(documents))
    except Exception:  # noqa: BLE001 — a failed index update must not break an editor's work
        logger.exception("search: queueing the index update failed; run rebuild_search_index")


def on_entry_delete(sender, instance, **kwargs):
    """An entry gone with its page or document takes its full text with it."""
    get_backend().remove([instance.pk])


def on_synonym_change(sender, instance, **kwargs):
    backend = get_backend()
    if hasattr(backend, "update_synonyms"):
        try:
            backend.update_synonyms(instance.language)
        except Exception:  # noqa: BLE001 — queries still expand synonyms in Python
            logger.exception("search: pushing synonyms to Elasticsearch failed")


def connect():
    public_content_changed.connect(on_public_content_changed, dispatch_uid="search_refresh")
    post_delete.connect(on_entry_delete, sender=SearchEntry, dispatch_uid="search_entry_del")
    for signal in (post_save, post_delete):
        signal.connect(on_synonym_change, sender=Synonym, dispatch_uid=f"search_synonym_{signal}")
