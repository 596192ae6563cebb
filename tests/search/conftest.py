"""Helpers to publish pages and upload files the way editors do, announced on commit.

Other folders' tests import ``publish_fixture`` and ``upload_fixture`` to get them.

Publishing, uploads and the end of a file's text extraction are announced by
``publishing.events`` once the transaction commits; these helpers run the
commit callbacks, so the search has indexed what they made when they return.
"""

import itertools

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.models import StandardPage

_counter = itertools.count()


@pytest.fixture(name="publish")
def publish_fixture(home_pages, django_capture_on_commit_callbacks):
    """publish(title, text="", language="ca", documents=(), parent=None, live=True,
    blocks=(), **fields) -> page (``blocks``: more body blocks, ``fields``: page fields)"""

    def _publish(
        title, text="", language="ca", documents=(), parent=None, live=True, blocks=(), **fields
    ):
        parent = parent or home_pages[language]
        body = [("paragraph", f"<p>{text}</p>")] if text else []
        body += [("document", {"document": doc, "description": ""}) for doc in documents]
        body += list(blocks)
        page = StandardPage(
            title=title,
            slug=f"search-test-{next(_counter)}",
            body=body,
            locale=parent.locale,
            **fields,
        )
        with django_capture_on_commit_callbacks(execute=True):
            parent.add_child(instance=page)
            revision = page.save_revision()
            if live:
                revision.publish()
            else:
                page.unpublish()
        page.refresh_from_db()
        return page

    return _publish


def new_document(title, text, collection=None, language="ca"):
    """A document with a text file, saved; its text is read when the transaction commits."""
    document = get_document_model()(title=title, language=language)
    if collection is not None:
        document.collection = collection
    document.file.save(f"{title[:20]}.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


@pytest.fixture(name="upload")
def upload_fixture(django_capture_on_commit_callbacks):
    """upload(title, text, collection=None, language="ca") -> document, its text extracted."""

    def _upload(title, text, collection=None, language="ca"):
        with django_capture_on_commit_callbacks(execute=True):
            document = new_document(title, text, collection, language)
        document.refresh_from_db()
        assert document.extraction_status == "extracted", document.extraction_message
        return document

    return _upload
