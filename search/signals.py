"""Keep the index in step with the content, after each transaction commits.

Indexing waits for the commit because wagtail-localize publishes translations in
``on_commit`` and the reference index (which says what a page attaches) is
updated by a task; by then both are done. Several saves of one page in a
transaction are indexed once.
"""

import contextlib
import logging
from threading import local

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.signals import post_page_move

from . import indexing
from .models import SearchEntry, Synonym

logger = logging.getLogger(__name__)
_state = local()


@contextlib.contextmanager
def indexing_paused():
    """Bulk creation without per-page indexing (run ``rebuild`` afterwards)."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def _flush():
    pending = getattr(_state, "pending", None)
    _state.pending = None
    if not pending:
        return
    try:
        if pending["pages"]:
            indexing.index_pages(Page.objects.filter(pk__in=pending["pages"]))
        if pending["documents"]:
            documents = get_document_model().objects.filter(pk__in=pending["documents"])
            indexing.index_documents(documents)
            indexing.index_pages(indexing.pages_attaching(list(pending["documents"])))
    except Exception:  # noqa: BLE001 — a failed index update must not break an editor's save
        logger.exception("search: updating the index failed; run rebuild_search_index")


def _schedule(kind, pk):
    if getattr(_state, "paused", False):
        return
    connection = transaction.get_connection()
    pending = getattr(_state, "pending", None)
    scheduled = (
        pending is not None
        and connection.in_atomic_block
        and any(item[1] is _flush for item in connection.run_on_commit)
    )
    if not scheduled:
        pending = _state.pending = {"pages": set(), "documents": set()}
    pending[kind].add(pk)
    if not scheduled:
        transaction.on_commit(_flush)


def on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        _schedule("pages", instance.pk)
    elif isinstance(instance, get_document_model()):
        _schedule("documents", instance.pk)


def on_page_move(sender, instance, **kwargs):
    for page_id in Page.objects.descendant_of(instance, inclusive=True).values_list(
        "pk", flat=True
    ):
        _schedule("pages", page_id)


def on_document_delete(sender, instance, **kwargs):
    for page_id in indexing.pages_attaching([instance.pk]).values_list("pk", flat=True):
        _schedule("pages", page_id)


def on_entry_delete(sender, instance, **kwargs):
    if getattr(_state, "paused", False):
        return
    from .backends import get_backend

    get_backend().remove([instance.pk])


def on_collection_restriction_change(sender, instance, **kwargs):
    """A restricted collection's files must leave (or may re-enter) pages' indexed text."""
    try:
        collection = instance.collection
    except Collection.DoesNotExist:
        return
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    documents = get_document_model().objects.filter(collection__in=collections)
    for page_id in indexing.pages_attaching(
        list(documents.values_list("pk", flat=True))
    ).values_list("pk", flat=True):
        _schedule("pages", page_id)


def on_synonym_change(sender, instance, **kwargs):
    from .backends import get_backend

    backend = get_backend()
    if hasattr(backend, "update_synonyms"):
        try:
            backend.update_synonyms(instance.language)
        except Exception:  # noqa: BLE001 — queries still expand synonyms in Python
            logger.exception("search: pushing synonyms to Elasticsearch failed")


def connect():
    post_save.connect(on_save, dispatch_uid="search_on_save")
    post_page_move.connect(on_page_move, dispatch_uid="search_on_page_move")
    pre_delete.connect(
        on_document_delete, sender=get_document_model(), dispatch_uid="search_doc_del"
    )
    post_delete.connect(on_entry_delete, sender=SearchEntry, dispatch_uid="search_entry_del")
    for signal in (post_save, post_delete):
        signal.connect(
            on_collection_restriction_change,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_collection_restriction_{signal}",
        )
        signal.connect(on_synonym_change, sender=Synonym, dispatch_uid=f"search_synonym_{signal}")
