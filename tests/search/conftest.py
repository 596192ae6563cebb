"""Helpers to publish pages and files the way editors do, indexed on commit."""

import itertools

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.models import StandardPage

_counter = itertools.count()


@pytest.fixture
def publish(home_pages, django_capture_on_commit_callbacks):
    """publish(title, body_text, language="ca", documents=(), parent=None) -> page"""

    def _publish(title, text="", language="ca", documents=(), parent=None, live=True):
        parent = parent or home_pages[language]
        body = [("paragraph", f"<p>{text}</p>")] if text else []
        body += [("document", {"document": doc, "description": ""}) for doc in documents]
        page = StandardPage(
            title=title, slug=f"search-test-{next(_counter)}", body=body, locale=parent.locale
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


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """upload(title, extracted_text, collection=None) -> document with extracted text."""

    def _upload(title, text, collection=None, language="ca"):
        document_model = get_document_model()
        document = document_model(title=title, language=language)
        if collection is not None:
            document.collection = collection
        document.file.save(f"{title[:20]}.txt", ContentFile(text.encode()), save=False)
        with django_capture_on_commit_callbacks(execute=True):
            document.save()
            document_model.objects.filter(pk=document.pk).update(
                extracted_text=text, extraction_status="extracted"
            )
            document.refresh_from_db()
            document.save()
        return document

    return _upload
