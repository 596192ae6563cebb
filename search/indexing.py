"""The public index's one entry point: ``refresh`` what changed, or ``rebuild`` it all.

Every writer reaches ``refresh``: the receiver of
``publishing.events.public_content_changed`` (publishing, moves, deletions,
view restrictions, published collections, uploads, replacements, deletions
and the end of a file's text extraction); ``rebuild_search_index`` (which
``restore`` and the demo loader run) reaches ``rebuild``. Both re-read pages and
documents from the database and write the same rows, so the index answers the
same whichever way it was built.

What is *visible* is decided at query time (``search.visibility``), so the
index holds every live page and every document: a page published later, or a
file becoming public with it, is found at once. A page's entry holds its own
text once (``search.content``) and, as a separate weighted text, the text of
the files it uses (those in a restricted collection lend it nothing).
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from knowledge.working_groups import section_group_ids
from publishing.search_contract import SearchContract, SearchFacts
from publishing.visibility import pages_using_any, restricted_collection_ids

from . import text
from .backends import get_backend
from .backends.base import IndexedText
from .content import page_texts
from .models import SearchAttachment, SearchEntry

logger = logging.getLogger(__name__)

MAX_BODY = 200_000
BATCH_SIZE = 500


def search_facts(page):
    """What the page's type declares for the search (``publishing.search_contract``).

    A page type outside the project (Wagtail's own ``Page``) declares nothing:
    it gets the contract's defaults.
    """
    return page.search_facts() if isinstance(page, SearchContract) else SearchFacts()


class IndexContext:
    """A batch of live pages: what each declares, which are indexed, and shared lookups
    (the section holding each, restricted collections, files used)."""

    def __init__(self, pages=()):
        pages = [page for page in pages if page.live and page.depth > 1]
        self.facts = {page.pk: search_facts(page) for page in pages}
        self.pages = [page for page in pages if not self.facts[page.pk].excluded]
        self.hidden_collections = set(restricted_collection_ids())
        self.sections = section_group_ids(self.pages)
        self.documents = self._documents_by_page(self.pages)

    def _documents_by_page(self, pages):
        """The documents each page uses, as the reference index records them.

        The inverse of ``publishing.visibility.pages_using_any``, for a whole
        batch in two queries.
        """
        if not pages:
            return {}
        document_model = get_document_model()
        references = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
            to_content_type=ContentType.objects.get_for_model(document_model),
        ).values_list("object_id", "to_object_id")
        ids_by_page = defaultdict(set)
        for page_id, document_id in references:
            if str(document_id).isdigit():
                ids_by_page[int(page_id)].add(int(document_id))
        documents = document_model.objects.in_bulk({i for ids in ids_by_page.values() for i in ids})
        return {
            page_id: sorted((documents[i] for i in ids if i in documents), key=lambda d: d.title)
            for page_id, ids in ids_by_page.items()
        }

    def working_group_id(self, page):
        """The group the page names itself, else the section holding it."""
        return self.facts[page.pk].working_group_id or self.sections.get(page.pk)

    def attachments(self, page):
        documents = self.documents.get(page.pk, [])
        return [d for d in documents if d.collection_id not in self.hidden_collections]


def _topic_ids(ids):
    return "|" + "|".join(str(i) for i in ids) + "|" if ids else ""


def build_page(page, context):
    """(entry values, IndexedText parts, attachment rows) for a specific page."""
    title, lead, body = page_texts(page)
    language = page.locale.language_code
    facts = context.facts[page.pk]
    date = facts.date
    values = {
        "kind": SearchEntry.Kind.PAGE,
        "content_type_id": page.content_type_id,
        "language": language,
        "title": text.clean(title)[:255],
        "url": page.get_url() or page.url_path,
        "body": text.clean("\n".join(filter(None, [lead, body])))[:MAX_BODY],
        "date": date,
        "year": date.year if date else None,
        "working_group_id": context.working_group_id(page),
        "topic_ids": _topic_ids(facts.topic_ids),
    }
    attachments = [
        {
            "document": document,
            "title": text.clean(document.title)[:255],
            "url": document.url,
            "text": text.clean(document.extracted_text),
            "stems": " ".join(sorted(set(text.forms(document.extracted_text, language)))),
        }
        for document in context.attachments(page)
    ]
    files = " ".join(f"{a['title']} {a['text']}" for a in attachments)
    return values, (language, title, text.clean(body)[:MAX_BODY], files, lead), attachments


def build_document(document):
    """A file's own entry: no date (its upload is not its content's date), no group."""
    language = document.language or settings.LANGUAGE_CODE
    body = "\n".join(filter(None, [document.description, document.extracted_text]))
    values = {
        "kind": SearchEntry.Kind.DOCUMENT,
        "content_type_id": ContentType.objects.get_for_model(type(document)).pk,
        "language": language,
        "title": text.clean(document.title)[:255],
        "url": document.url,
        "body": text.clean(body)[:MAX_BODY],
        "date": None,
        "year": None,
        "working_group_id": None,
        "topic_ids": "",
    }
    # The file's text weighs as a page's attached files do: the page using a
    # file ranks above the file itself.
    return values, (language, document.title, document.description, document.extracted_text)


def _index_pages(context):
    texts, entry_attachments = [], []
    with transaction.atomic():
        for page in context.pages:
            values, parts, attachments = build_page(page, context)
            entry, _created = SearchEntry.objects.update_or_create(page=page, defaults=values)
            entry_attachments.append((entry, attachments))
            texts.append(IndexedText(entry.pk, *parts))
        _save_attachments(entry_attachments)
        get_backend().index(texts)


def _index_documents(documents):
    texts = []
    with transaction.atomic():
        for document in documents:
            values, parts = build_document(document)
            entry, _created = SearchEntry.objects.update_or_create(
                document=document, defaults=values
            )
            texts.append(IndexedText(entry.pk, *parts))
        get_backend().index(texts)


def _save_attachments(entry_attachments):
    SearchAttachment.objects.filter(entry__in=[entry for entry, _ in entry_attachments]).delete()
    SearchAttachment.objects.bulk_create(
        [SearchAttachment(entry=entry, **row) for entry, rows in entry_attachments for row in rows]
    )


def _remove(entries):
    ids = list(entries.values_list("id", flat=True))
    if ids:
        get_backend().remove(ids)
        SearchEntry.objects.filter(id__in=ids).delete()


def _batches(ids):
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def _refresh_pages(page_ids):
    for batch in _batches(page_ids):
        context = IndexContext(Page.objects.filter(pk__in=batch).specific())
        kept = {page.pk for page in context.pages}
        _remove(SearchEntry.objects.filter(page_id__in=batch).exclude(page_id__in=kept))
        if context.pages:
            _index_pages(context)


def _refresh_documents(document_ids):
    document_model = get_document_model()
    for batch in _batches(document_ids):
        documents = list(document_model.objects.filter(pk__in=batch))
        present = {document.pk for document in documents}
        _remove(SearchEntry.objects.filter(document_id__in=batch).exclude(document_id__in=present))
        if documents:
            _index_documents(documents)


def refresh(pages=(), documents=()):
    """Re-read these pages and documents, and the live pages using these documents.

    Gone or unpublished pages, and deleted documents, leave the index.
    """
    page_ids = set(pages)
    document_ids = set(documents)
    if document_ids:
        _refresh_documents(document_ids)
        users = pages_using_any(get_document_model(), document_ids).filter(live=True)
        page_ids.update(users.values_list("pk", flat=True))
    if page_ids:
        _refresh_pages(page_ids)


def rebuild(batch_size=BATCH_SIZE, progress=None):
    """Drop and rebuild the whole index; returns (pages, documents) indexed."""
    backend = get_backend()
    backend.clear()
    with connection.cursor() as cursor:
        # Plain SQL: a queryset delete would send a signal per entry.
        cursor.execute(f"DELETE FROM {SearchAttachment._meta.db_table}")
        cursor.execute(f"DELETE FROM {SearchEntry._meta.db_table}")
    page_count = 0
    ids = list(
        Page.objects.live().filter(depth__gt=1).order_by("path").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), batch_size):
        context = IndexContext(
            Page.objects.filter(pk__in=ids[start : start + batch_size]).specific()
        )
        built = [(page, *build_page(page, context)) for page in context.pages]
        with transaction.atomic():
            entries = SearchEntry.objects.bulk_create(
                [SearchEntry(page=page, **values) for page, values, _parts, _atts in built]
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
        _index_documents(documents[start : start + batch_size])
    backend.after_rebuild()
    return page_count, len(documents)
