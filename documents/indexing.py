"""Store a document's text and make search see it, on the document and on the pages that attach it.

Pages that attach a document are found through Wagtail's reference index, which
records every foreign key and chooser block pointing at it; this keeps the
documents app free of imports from the apps whose pages use documents. Each
such page indexes its attachments' text through its own ``search_fields``.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext_noop

from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from .extraction import STATUS_FAILED, ExtractionResult, extract_text

logger = logging.getLogger(__name__)


def extract_and_store(document):
    """Extract, save the outcome and reindex; returns the status. Never raises on a bad file."""
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
    reindex_document_and_pages(document)
    return result.status


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


def pages_attaching(document):
    """Every page (specific, live row) whose content points at this document."""
    references = ReferenceIndex.get_references_to(document)
    page_ids = set()
    for reference in references.select_related("base_content_type"):
        model = reference.base_content_type.model_class()
        if model is not None and issubclass(model, Page):
            page_ids.add(int(reference.object_id))
    return Page.objects.filter(pk__in=page_ids).specific()


def reindex_document_and_pages(document):
    index.insert_or_update_object(document)
    for page in pages_attaching(document):
        index.insert_or_update_object(page)
