"""Turning pages and documents into ``SearchEntry`` rows and backend text.

Used by the signal handlers (one page at a time, after the transaction commits)
and by ``manage.py rebuild_search_index`` (in batches). A batch shares one
``IndexContext`` so that working groups, restricted collections and document
references are looked up once per batch instead of once per page.
"""

import logging
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.encoding import force_str

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.index import RelatedFields, SearchField

from groups.models import WorkingGroupPage

from . import protocol, text
from .backends import get_backend
from .backends.base import IndexedText
from .models import SearchAttachment, SearchEntry
from .visibility import restricted_collection_ids

logger = logging.getLogger(__name__)

MAX_BODY = 200_000
DEFAULT_LANGUAGE = "ca"


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, field):
    if isinstance(field, SearchField):
        yield field.field_name, _flatten(field.get_value(obj))
    elif isinstance(field, RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        items = related.all() if hasattr(related, "all") else [related]
        for item in items:
            for sub_field in field.fields:
                for _name, value in _field_texts(item, sub_field):
                    yield "related", value


def page_texts(page):
    """(title, body) of a page from its ``search_fields``, as plain text."""
    title, body = [], [page.search_description or ""]
    for field in page.get_search_fields():
        try:
            for name, value in _field_texts(page, field):
                (title if name == "title" else body).append(value)
        except Exception:  # noqa: BLE001 — one bad field must not stop the page's indexing
            logger.exception("search: reading field %s of %r failed", field, page)
    body.append(protocol.extra_text(page))
    return " ".join(t for t in title if t), " ".join(t for t in body if t).strip()


def document_url(document):
    return document.url


class IndexContext:
    """Lookups shared by a batch of pages."""

    def __init__(self, pages=()):
        self.hidden_collections = set(restricted_collection_ids())
        self.groups = sorted(
            WorkingGroupPage.objects.only("id", "path"), key=lambda g: len(g.path), reverse=True
        )
        self.document_model = get_document_model()
        self.references = self._references([p for p in pages])

    def _references(self, pages):
        if not pages:
            return {}
        document_type = ContentType.objects.get_for_model(self.document_model)
        page_type = ContentType.objects.get_for_model(Page)
        refs = ReferenceIndex.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(p.pk) for p in pages],
            to_content_type=document_type,
        ).values_list("object_id", "to_object_id")
        ids_by_page = defaultdict(set)
        for page_id, doc_id in refs:
            if str(doc_id).isdigit():
                ids_by_page[int(page_id)].add(int(doc_id))
        all_ids = {i for ids in ids_by_page.values() for i in ids}
        documents = self.document_model.objects.in_bulk(all_ids)
        return {
            page_id: sorted((documents[i] for i in ids if i in documents), key=lambda d: d.title)
            for page_id, ids in ids_by_page.items()
        }

    def working_group(self, page):
        for name in ("search_working_group", "working_group"):
            group = protocol.read(page, name)
            if isinstance(group, Page):
                return group.pk
        if isinstance(page, WorkingGroupPage):
            return page.pk
        for candidate in self.groups:
            if page.path.startswith(candidate.path):
                return candidate.pk
        return None

    def attachments(self, page):
        if hasattr(page, "search_attachments"):
            documents = protocol.attachments(page)
        else:
            documents = self.references.get(page.pk, [])
        return [d for d in documents if d.collection_id not in self.hidden_collections]


def build_page(page, context):
    """(entry values, IndexedText without id, attachment rows) for a specific page."""
    title, body = page_texts(page)
    language = page.locale.language_code
    date = protocol.result_date(page)
    topics = protocol.topics(page)
    documents = context.attachments(page)
    values = {
        "kind": SearchEntry.Kind.PAGE,
        "content_type_id": page.content_type_id,
        "language": language,
        "title": text.clean(page.title)[:255],
        "url": page.get_url() or page.url_path,
        "body": text.clean(body)[:MAX_BODY],
        "date": date,
        "year": date.year if date else None,
        "working_group_id": context.working_group(page),
        "topic_ids": "|" + "|".join(str(t.pk) for t in topics) + "|" if topics else "",
    }
    attachments = [
        {
            "document": doc,
            "title": text.clean(doc.title)[:255],
            "url": document_url(doc),
            "text": text.clean(doc.extracted_text),
            "stems": " ".join(sorted(set(text.stems(doc.extracted_text, language)))),
        }
        for doc in documents
    ]
    files = " ".join(f"{a['title']} {a['text']}" for a in attachments)
    return values, (language, title or page.title, body, files), attachments


def build_document(document):
    language = document.language if document.language else DEFAULT_LANGUAGE
    body = " ".join(filter(None, [document.description, document.extracted_text]))
    created = document.created_at.date() if document.created_at else None
    values = {
        "kind": SearchEntry.Kind.DOCUMENT,
        "content_type_id": ContentType.objects.get_for_model(type(document)).pk,
        "language": language,
        "title": text.clean(document.title)[:255],
        "url": document_url(document),
        "body": text.clean(body)[:MAX_BODY],
        "date": created,
        "year": created.year if created else None,
        "working_group_id": None,
        "topic_ids": "",
    }
    return values, (language, document.title, body, "")


def indexable_pages():
    return Page.objects.live().filter(depth__gt=1)


def _save_attachments(entry_attachments):
    SearchAttachment.objects.filter(entry__in=[entry for entry, _ in entry_attachments]).delete()
    SearchAttachment.objects.bulk_create(
        [SearchAttachment(entry=entry, **row) for entry, rows in entry_attachments for row in rows]
    )


def index_pages(pages):
    """Index (or drop, when no longer live) these pages; returns how many were indexed."""
    pages = [p.specific for p in pages]
    removed = [p.pk for p in pages if not p.live or p.depth <= 1 or protocol.excluded(p)]
    if removed:
        remove_pages(removed)
    pages = [p for p in pages if p.pk not in removed]
    if not pages:
        return 0
    context = IndexContext(pages)
    texts, entry_attachments = [], []
    with transaction.atomic():
        for page in pages:
            values, (language, title, body, files), attachments = build_page(page, context)
            entry, _created = SearchEntry.objects.update_or_create(page=page, defaults=values)
            entry_attachments.append((entry, attachments))
            texts.append(IndexedText(entry.pk, language, title, body, files))
        _save_attachments(entry_attachments)
        get_backend().index(texts)
    return len(texts)


def index_documents(documents):
    texts = []
    with transaction.atomic():
        for document in documents:
            values, (language, title, body, files) = build_document(document)
            entry, _created = SearchEntry.objects.update_or_create(
                document=document, defaults=values
            )
            texts.append(IndexedText(entry.pk, language, title, body, files))
        get_backend().index(texts)
    return len(texts)


def remove_pages(page_ids):
    ids = list(SearchEntry.objects.filter(page_id__in=page_ids).values_list("id", flat=True))
    _remove_entries(ids)


def remove_documents(document_ids):
    ids = list(
        SearchEntry.objects.filter(document_id__in=document_ids).values_list("id", flat=True)
    )
    _remove_entries(ids)


def _remove_entries(ids):
    if ids:
        get_backend().remove(ids)
        SearchEntry.objects.filter(id__in=ids).delete()


def pages_attaching(document_ids):
    """Live pages whose index text includes one of these documents."""
    page_ids = set(
        SearchAttachment.objects.filter(document_id__in=document_ids).values_list(
            "entry__page_id", flat=True
        )
    )
    document_type = ContentType.objects.get_for_model(get_document_model())
    page_type = ContentType.objects.get_for_model(Page)
    page_ids |= {
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            base_content_type=page_type,
            to_content_type=document_type,
            to_object_id__in=[str(i) for i in document_ids],
        ).values_list("object_id", flat=True)
        if str(object_id).isdigit()
    }
    return Page.objects.filter(pk__in=page_ids)


def rebuild(batch_size=500, progress=None):
    """Drop and rebuild the whole index; returns (pages, documents) indexed."""
    backend = get_backend()
    backend.clear()
    with connection.cursor() as cursor:
        # Plain SQL: a queryset delete would send a signal per entry.
        cursor.execute(f"DELETE FROM {SearchAttachment._meta.db_table}")
        cursor.execute(f"DELETE FROM {SearchEntry._meta.db_table}")
    page_count = 0
    ids = list(indexable_pages().order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = list(Page.objects.filter(pk__in=ids[start : start + batch_size]).specific())
        batch = [p for p in batch if not protocol.excluded(p)]
        context = IndexContext(batch)
        built = [(page, *build_page(page, context)) for page in batch]
        with transaction.atomic():
            entries = SearchEntry.objects.bulk_create(
                [SearchEntry(page=page, **values) for page, values, _texts, _atts in built]
            )
            _save_attachments([(e, b[3]) for e, b in zip(entries, built, strict=True)])
            backend.index(
                [IndexedText(entry.pk, *b[2]) for entry, b in zip(entries, built, strict=True)]
            )
        page_count += len(entries)
        if progress:
            progress(page_count, len(ids))
    documents = list(get_document_model().objects.all())
    for start in range(0, len(documents), batch_size):
        index_documents(documents[start : start + batch_size])
    backend.after_rebuild()
    return page_count, len(documents)
