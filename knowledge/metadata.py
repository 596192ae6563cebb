"""The metadata of guides and policy documents, as one record per page.

One owner for what a knowledge page says about itself to machines: the
library's CSV and JSON downloads (``knowledge.export``) and the schema.org
JSON-LD on each page (``knowledge.structured_data``) are both made from these
records, so they never disagree. The fields and their meaning are the stable
schema documented in ``docs/open-data.md``; add fields at the end, never
rename or remove one without raising ``SCHEMA_VERSION``.

Records are built a chunk of pages at a time, with a fixed number of queries
per chunk (files, topics, tags, groups, translations), so that a library of
50,000 items streams without loading it whole. Only what is public is listed:
the pages come from the library's own query (``publishing.visibility``), their
files are filtered by ``public_files`` and their translations by
``public_pages``.
"""

from itertools import islice

from django.db.models import F, Prefetch, Q
from django.utils.translation import override

from wagtail.documents import get_document_model
from wagtail.models import Page

from publishing.visibility import public_files, public_pages
from taxonomy.models import topics_of_locale
from taxonomy.tags import prefetch_tag_names, tag_names

from .models.base import KnowledgeAttachment, KnowledgePage, KnowledgePageTag
from .working_groups import WORKING_GROUP_CONTENT_TYPE

SCHEMA_VERSION = "1"
CHUNK_SIZE = 500

FIELDS = [
    "id",
    "translation_key",
    "type",
    "title",
    "url",
    "language",
    "kind",
    "kind_label",
    "level",
    "level_label",
    "status",
    "status_label",
    "edition",
    "publication_date",
    "adopted_on",
    "in_force_from",
    "repealed_on",
    "first_published_at",
    "last_published_at",
    "issuing_body",
    "official_url",
    "authors",
    "summary",
    "working_group",
    "working_group_url",
    "topics",
    "tags",
    "file_languages",
    "files",
    "translations",
    "licence",
]


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _iso(value):
    return value.isoformat() if value else None


def prepared(items):
    """The query that ``records`` reads: specific fields joined, long text left out."""
    return (
        items.select_related("locale", "guidepage", "policydocumentpage")
        .defer("guidepage__introduction", "policydocumentpage__body")
        .annotate(group_key=F("working_group__translation_key"))
        .prefetch_related(
            Prefetch(
                "attachments",
                queryset=KnowledgeAttachment.objects.select_related("document").order_by(
                    "sort_order"
                ),
            ),
            prefetch_tag_names(KnowledgePageTag),
            "topics",
        )
    )


def records(items, *, request, licence_url, locale=None):
    """One metadata dict per page of ``items``, in the query's order, ``CHUNK_SIZE`` at a time.

    ``items`` is a queryset of ``KnowledgePage`` in one locale (the library's filtered
    results), ``locale`` or else the first page's; labels are written in its language.
    """
    for chunk in _chunks(prepared(items).iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        chunk_locale = locale or chunk[0].locale
        with override(chunk_locale.language_code):
            context = _ChunkContext(chunk, chunk_locale, request)
            for page in chunk:
                yield _record(page, context, request, licence_url)


class _ChunkContext:
    """What a chunk of pages refers to, each kind looked up in one query."""

    def __init__(self, pages, locale, request):
        documents = {a.document_id for page in pages for a in page.attachments.all()}
        self.public_document_ids = (
            set(
                public_files(get_document_model().objects.filter(pk__in=documents)).values_list(
                    "pk", flat=True
                )
            )
            if documents
            else set()
        )
        topic_keys = {
            topic.translation_key
            for page in pages
            for topic in page.topics.all()
            if topic.locale_id != locale.pk
        }
        self.topic_names = {
            topic.translation_key: topic.name
            for page in pages
            for topic in page.topics.all()
            if topic.locale_id == locale.pk
        }
        if topic_keys:
            in_locale = topics_of_locale(locale.pk)
            self.topic_names.update(
                (key, in_locale[key].name) for key in topic_keys if key in in_locale
            )
        # The working groups and the other languages' versions: one public_pages query.
        group_keys = {page.group_key for page in pages if page.group_key}
        page_keys = {page.translation_key for page in pages}
        related = public_pages(
            Page.objects.filter(
                Q(translation_key__in=page_keys)
                | Q(locale=locale, translation_key__in=group_keys, **WORKING_GROUP_CONTENT_TYPE)
            ).select_related("locale")
        ).order_by("locale__language_code")
        self.groups = {}
        self.translations = {}
        for found in related:
            if found.translation_key in group_keys and found.locale_id == locale.pk:
                self.groups[found.translation_key] = found
            elif found.translation_key in page_keys and found.locale_id != locale.pk:
                self.translations.setdefault(found.translation_key, []).append(
                    {"language": found.locale.language_code, "url": found.get_full_url(request)}
                )


def _record(page, context, request, licence_url):
    guide = getattr(page, "guidepage", None)
    policy = getattr(page, "policydocumentpage", None)
    files = [
        {
            "title": attachment.label or attachment.document.title,
            "url": request.build_absolute_uri(attachment.document.url),
            "size": attachment.document.file_size,
            "format": attachment.document.file_extension.lower(),
            "language": attachment.document.language or None,
        }
        for attachment in page.attachments.all()
        if attachment.document_id in context.public_document_ids
    ]
    group = context.groups.get(page.group_key)
    return {
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "type": "policy_document" if policy else "guide",
        "title": page.title,
        "url": page.get_full_url(request),
        "language": page.locale.language_code,
        "kind": page.kind,
        "kind_label": str(page.get_kind_display()),
        "level": policy.level if policy else None,
        "level_label": str(policy.get_level_display()) if policy else None,
        "status": policy.document_status if policy else (guide.edition_status if guide else None),
        "status_label": (
            str(policy.get_document_status_display())
            if policy
            else (str(guide.get_edition_status_display()) if guide else None)
        ),
        "edition": guide.edition_number if guide else None,
        "publication_date": _iso(page.publication_date),
        "adopted_on": _iso(policy.adopted_on) if policy else None,
        "in_force_from": _iso(policy.in_force_from) if policy else None,
        "repealed_on": _iso(policy.repealed_on) if policy else None,
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
        "issuing_body": policy.issuing_body if policy else "",
        "official_url": policy.official_url if policy else "",
        "authors": page.authors,
        "summary": page.summary,
        "working_group": group.title if group else None,
        "working_group_url": group.get_full_url(request) if group else None,
        "topics": sorted(
            context.topic_names[topic.translation_key]
            for topic in page.topics.all()
            if topic.translation_key in context.topic_names
        ),
        "tags": tag_names(page),
        "file_languages": sorted({file["language"] for file in files if file["language"]}),
        "files": files,
        "translations": context.translations.get(page.translation_key, []),
        "licence": licence_url,
    }


def stored_page(pk):
    """The saved knowledge page as ``records`` reads it (relations prefetched), once a request."""
    from operations.request_memo import once_per_request

    return once_per_request(
        ("knowledge:stored_page", pk),
        lambda: next(iter(prepared(KnowledgePage.objects.filter(pk=pk))), None),
    )


def lend_stored_relations(page):
    """Give the served live page the relations its metadata record fetched (its files,
    topics and tags), so that the template does not read them again. Only for the live
    page: a preview shows the draft's own relations."""
    stored = stored_page(page.pk)
    if stored is None:
        return
    cache = page.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, fetched in stored._prefetched_objects_cache.items():
        cache.setdefault(name, fetched)


def record_for_page(page, request, licence_url):
    """The record of one saved knowledge page, as the library's downloads list it (its
    stored content: a preview of a draft shows the published metadata); ``None`` for a
    page not saved yet."""
    if page.pk is None:
        return None
    stored = stored_page(page.pk)
    if stored is None:
        return None
    with override(stored.locale.language_code):
        context = _stored_context(stored, request)
        return _record(stored, context, request, licence_url)


def _stored_context(stored, request):
    from operations.request_memo import once_per_request

    return once_per_request(
        ("knowledge:stored_context", stored.pk),
        lambda: _ChunkContext([stored], stored.locale, request),
    )


def public_working_group(page, request):
    """The page's working group in its language when public, as its record found it
    (``None`` when the record did not find it there)."""
    stored = stored_page(page.pk)
    if stored is None or not stored.group_key:
        return None
    with override(stored.locale.language_code):
        return _stored_context(stored, request).groups.get(stored.group_key)
