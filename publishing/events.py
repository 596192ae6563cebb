"""One announcement when what the public may see, or what search must hold, changes.

Every writer goes through here: Wagtail's publishing signals, moves, deletions,
view restrictions of pages and collections, published collections, file
uploads, replacements and deletions, and — called explicitly — the end of a
file's text extraction (which saves with ``update()``, sending no signal).
``public_content_changed`` is then sent once per committed transaction with
the ids involved:

* ``pages``, ``documents``, ``images``: sets of ids whose public state or
  content may have changed (search re-reads them from the database);
* ``public``: whether anonymous visitors' view may have changed (the page
  cache purges only then: a coordinator's draft or an unused upload does not
  empty the whole site's cache).

Receivers: ``search`` (its one indexing entry point) and ``operations.pagecache``.
Saving a draft announces nothing: only publishing changes what is public.
"""

import contextlib
import logging
from dataclasses import dataclass, field
from threading import local

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import PublicCollection
from .visibility import is_file_public, live_pages_using

logger = logging.getLogger(__name__)

public_content_changed = Signal()

_state = local()


@dataclass
class _Batch:
    pages: set = field(default_factory=set)
    documents: set = field(default_factory=set)
    images: set = field(default_factory=set)
    public: bool = False


@contextlib.contextmanager
def paused():
    """Bulk loading without announcements; the caller rebuilds the search index after."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def announce(*, pages=(), documents=(), images=(), public=True):
    """Record what changed; receivers hear of it once the transaction commits."""
    if getattr(_state, "paused", False):
        return
    batch = getattr(_state, "batch", None)
    if batch is None:
        batch = _state.batch = _Batch()
    batch.pages.update(pages)
    batch.documents.update(documents)
    batch.images.update(images)
    batch.public = batch.public or public
    # Scheduled on every call: the first callback to run sends everything
    # pending and the others find nothing, so no private transaction state is read.
    transaction.on_commit(_flush, robust=True)


def has_pending_changes():
    """Whether this thread announced a change not yet committed (and so not yet sent)."""
    return getattr(_state, "batch", None) is not None


def discard_pending():
    """Forget announcements whose transaction was rolled back (tests roll back each one)."""
    _state.batch = None


def _flush():
    batch = getattr(_state, "batch", None)
    _state.batch = None
    if batch is None:
        return
    for receiver, error in public_content_changed.send_robust(
        sender=_Batch,
        pages=frozenset(batch.pages),
        documents=frozenset(batch.documents),
        images=frozenset(batch.images),
        public=batch.public,
    ):
        if isinstance(error, Exception):
            logger.error("publishing: %r failed", receiver, exc_info=error)


# --- Writers -------------------------------------------------------------------------------


def _on_page_published(sender, instance, **kwargs):
    # The reference index is normally refreshed by a background task; the files a
    # page uses must become public with the page, so refresh it now.
    ReferenceIndex.create_or_update_for_object(instance)
    announce(pages=[instance.pk])


def _on_page_unpublished(sender, instance, **kwargs):
    announce(pages=[instance.pk])


def _subtree_ids(page):
    return Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)


def _on_page_moved(sender, instance, **kwargs):
    announce(pages=_subtree_ids(instance))


def _on_page_deleted(sender, instance, **kwargs):
    announce(pages=[instance.pk], public=instance.live)


def _on_page_restriction_changed(sender, instance, **kwargs):
    with contextlib.suppress(Page.DoesNotExist):
        announce(pages=_subtree_ids(instance.page))


def _files_in_collection(collection):
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    return {
        "documents": get_document_model()
        .objects.filter(collection__in=collections)
        .values_list("pk", flat=True),
        "images": get_image_model()
        .objects.filter(collection__in=collections)
        .values_list("pk", flat=True),
    }


def _on_collection_rule_changed(sender, instance, **kwargs):
    with contextlib.suppress(Collection.DoesNotExist):
        announce(**_files_in_collection(instance.collection))


def _file_kind(sender):
    return "documents" if issubclass(sender, get_document_model()) else "images"


def _on_file_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    announce(**{_file_kind(sender): [instance.pk]}, public=is_file_public(instance))


def _on_file_deleting(sender, instance, **kwargs):
    # Decided before the row goes: afterwards nothing says whether it was public.
    announce(
        **{_file_kind(sender): [instance.pk]},
        pages=live_pages_using(instance).values_list("pk", flat=True),
        public=is_file_public(instance),
    )


def file_text_changed(document):
    """Called when a document's extracted text was stored (saved without signals)."""
    announce(documents=[document.pk], public=is_file_public(document))


def _on_public_data_changed(sender, raw=False, **kwargs):
    if not raw:
        announce()


def connect():
    page_published.connect(_on_page_published, dispatch_uid="publishing-published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="publishing-unpublished")
    post_page_move.connect(_on_page_moved, dispatch_uid="publishing-moved")
    post_delete.connect(_on_page_deleted, sender=Page, dispatch_uid="publishing-page-deleted")
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(
            _on_page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"publishing-page-restriction-{name}",
        )
        for model in (CollectionViewRestriction, PublicCollection):
            signal.connect(
                _on_collection_rule_changed,
                sender=model,
                dispatch_uid=f"publishing-{model._meta.model_name}-{name}",
            )
        for label in settings.PUBLIC_DATA_MODELS:
            signal.connect(
                _on_public_data_changed,
                sender=apps.get_model(label),
                dispatch_uid=f"publishing-public-data-{label}-{name}",
            )
    for model in (get_document_model(), get_image_model()):
        post_save.connect(_on_file_saved, sender=model, dispatch_uid=f"publishing-{model}-saved")
        pre_delete.connect(
            _on_file_deleting, sender=model, dispatch_uid=f"publishing-{model}-deleting"
        )
