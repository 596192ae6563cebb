"""Store a document's text and announce it, so that search re-reads the file and its pages.

The text is saved with ``update()`` (no signal, so an extraction never looks
like an editor's upload); ``publishing.events.file_text_changed`` then tells
every reader once the transaction commits. The public search re-indexes the
document and the live pages that use it, whichever came first: the page's
publication or the end of the extraction.

Wagtail's own index serves the admin's search only (nothing public reads it);
it is refreshed here too, so editors find a file, and the pages using it, by
the words inside the file.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext_noop

from wagtail.search import index

from publishing.events import file_text_changed
from publishing.visibility import pages_using

from .extraction import STATUS_FAILED, ExtractionResult, extract_text

logger = logging.getLogger(__name__)


def extract_and_store(document):
    """Extract, save the outcome and announce it; returns the status. Never raises on a bad file."""
    result = read_document(document)
    if result.status != "extracted":
        logger.warning(
            "No text indexed for document %s (%s): %s", document.pk, result.status, result.message
        )
    type(document).objects.filter(pk=document.pk).update(
        extracted_text=result.text,
        extraction_status=result.status,
        extraction_message=result.message[:255],
        extracted_at=timezone.now(),
    )
    document.extracted_text = result.text
    document.extraction_status = result.status
    document.extraction_message = result.message
    file_text_changed(document)
    _refresh_admin_index(document)
    return result.status


def _refresh_admin_index(document):
    index.insert_or_update_object(document)
    for page in pages_using(document).specific():
        index.insert_or_update_object(page)


def read_document(document):
    try:
        size = document.file.size
        with document.open_file() as fileobj:
            return extract_text(fileobj, document.file.name, size)
    except OSError:
        logger.warning("The file of document %s is missing", document.pk, exc_info=True)
        return ExtractionResult(
            STATUS_FAILED, message=gettext_noop("The file is missing from storage.")
        )
