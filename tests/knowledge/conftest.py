"""Fixtures for the knowledge tests: the demo's library, topics and working groups, and builders."""

import datetime

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale

from documents.indexing import extract_and_store
from groups.models import WorkingGroupPage
from knowledge.demo_files import build_pdf
from knowledge.models import (
    GuideChapterPage,
    GuidePage,
    KnowledgeAttachment,
    KnowledgeKind,
    LibraryPage,
    PolicyDocumentPage,
)
from taxonomy.models import Topic


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def library(db):
    return LibraryPage.objects.get(locale__language_code="ca")


@pytest.fixture
def topics(db):
    return {topic.slug: topic for topic in Topic.objects.filter(locale__language_code="ca")}


@pytest.fixture
def groups(db):
    return {
        group.slug: group for group in WorkingGroupPage.objects.filter(locale__language_code="ca")
    }


def locale(code):
    return Locale.objects.get(language_code=code)


def make_document(title, *paragraphs, language="ca"):
    """A stored PDF whose text has been extracted, as after an upload."""
    document = get_document_model()(title=title, language=language)
    document.file.save(
        f"{title[:40]}.pdf", ContentFile(build_pdf(title, list(paragraphs))), save=False
    )
    document.save()
    extract_and_store(document)
    document.refresh_from_db()
    return document


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def make_guide(parent, title, *, topics=(), documents=(), tags=(), **fields):
    fields.setdefault("kind", KnowledgeKind.GUIDE)
    fields.setdefault("summary", f"Resum de {title}.")
    fields.setdefault("publication_date", datetime.date(2022, 5, 1))
    page = GuidePage(title=title, **fields)
    page.topics = list(topics)
    for document in documents:
        page.attachments.add(KnowledgeAttachment(document=document))
    if tags:
        page.tags.add(*tags)
    return publish(parent, page)


def make_policy_document(parent, title, *, topics=(), documents=(), **fields):
    fields.setdefault("kind", KnowledgeKind.LAW)
    fields.setdefault("summary", f"Resum de {title}.")
    fields.setdefault("level", PolicyDocumentPage.Level.CATALONIA)
    fields.setdefault("publication_date", datetime.date(2022, 5, 1))
    page = PolicyDocumentPage(title=title, **fields)
    page.topics = list(topics)
    for document in documents:
        page.attachments.add(KnowledgeAttachment(document=document))
    return publish(parent, page)


def make_chapter(guide, title, *sections):
    body = []
    for heading, text in sections:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", f"<p>{text}</p>"))
    return publish(guide, GuideChapterPage(title=title, body=body))
