"""The public index's refresh as a background task (the worker in production).

``publishing.events`` announces what changed once the transaction commits; the
receiver (``search.signals``) queues this task with the ids, as Wagtail queues
its reference index, so an editor's *Publish* or *Approve* does not wait for
some thirty index queries. Privacy does not wait for the worker: what a visitor
may see is decided when a search runs (``search.visibility``), so a page
unpublished meanwhile is already hidden, and the task then removes its entry.
The tests' immediate backend runs the task at once.
"""

import logging

from django_tasks import task

from . import indexing

logger = logging.getLogger(__name__)


@task()
def refresh_index(pages=(), documents=()):
    """Re-read these pages and documents (``indexing.refresh``, the one entry point)."""
    try:
        indexing.refresh(pages=pages, documents=documents)
    except Exception:  # noqa: BLE001 — a failed index update must not break an editor's work
        logger.exception("search: updating the index failed; run rebuild_search_index")
