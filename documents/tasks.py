"""Background work on documents, run by django-tasks (a worker in production)."""

from django_tasks import task

from wagtail.documents import get_document_model

from .indexing import extract_and_store


@task()
def extract_document_text(document_id):
    """Read the text of one document, store it and announce it (search re-indexes it)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:  # Deleted before the worker got to it.
        return None
    return extract_and_store(document)
