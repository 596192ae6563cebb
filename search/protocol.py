"""What a page type may tell the search, read defensively so new types plug in.

Every attribute is optional; each may be a value or a method taking no arguments:

``search_result_date``     a date or datetime shown on the result and used for the
                           year facet and date sort (default: ``date``,
                           ``publication_date``, ``start_date`` … then first publication).
``search_working_group``   the working-group page the result belongs to (default: a
                           ``working_group`` page field, else the nearest ancestor that
                           is a ``groups.WorkingGroupPage``; see ``IndexContext``).
``search_topics``          an iterable of ``taxonomy.Topic`` (default: a ``topics``
                           relation if the page has one).
``search_attachments``     an iterable of documents whose text counts as the page's
                           (default: every document the page references, from
                           Wagtail's reference index).
``search_extra_text``      more plain text to index (e.g. text of child blocks that
                           ``search_fields`` cannot reach).
``search_exclude``         true to keep the page out of the public search.

A failing attribute is logged and treated as absent: one broken page type must
not stop the others from being indexed.
"""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models import Manager
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex

from taxonomy.models import Topic

logger = logging.getLogger(__name__)

DATE_ATTRIBUTES = (
    "search_result_date",
    "date",
    "publication_date",
    "published_on",
    "published_at",
    "start_date",
    "starts_at",
    "start",
    "issue_date",
    "period_end",
)


def read(page, name, default=None):
    """``page.name``, called if callable; ``default`` when absent or broken."""
    try:
        value = getattr(page, name)
    except AttributeError:
        return default
    except Exception:  # noqa: BLE001 — a page type's bug must not stop indexing
        logger.exception("search: reading %s on %r failed", name, page)
        return default
    if isinstance(value, Manager):
        return value
    if callable(value):
        try:
            value = value()
        except Exception:  # noqa: BLE001
            logger.exception("search: calling %s on %r failed", name, page)
            return default
    return default if value is None else value


def as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def result_date(page):
    for name in DATE_ATTRIBUTES:
        value = as_date(read(page, name))
        if value is not None:
            return value
    year = read(page, "year")
    if isinstance(year, int) and 1900 < year < 3000:
        return datetime.date(year, 1, 1)
    return as_date(page.first_published_at) or as_date(page.last_published_at)


def topics(page):
    value = read(page, "search_topics")
    if value is None:
        value = read(page, "topics")
    if isinstance(value, Manager):
        value = value.all()
    if value is None:
        return []
    try:
        items = list(value)
    except TypeError:
        return []
    # Pages may list topics directly or through rows that point at one (``row.topic``).
    items = [item if isinstance(item, Topic) else getattr(item, "topic", None) for item in items]
    return [topic for topic in items if isinstance(topic, Topic)]


def attachments(page):
    """Documents whose text belongs to the page."""
    value = read(page, "search_attachments")
    if isinstance(value, Manager):
        value = value.all()
    document_model = get_document_model()
    if value is not None:
        try:
            return [doc for doc in value if isinstance(doc, document_model)]
        except TypeError:
            return []
    referenced = ReferenceIndex.get_references_for_object(page).filter(
        to_content_type=ContentType.objects.get_for_model(document_model).pk
    )
    ids = {int(ref.to_object_id) for ref in referenced if str(ref.to_object_id).isdigit()}
    return list(document_model.objects.filter(pk__in=ids).order_by("title"))


def extra_text(page):
    value = read(page, "search_extra_text", "")
    return value if isinstance(value, str) else ""


def excluded(page):
    return bool(read(page, "search_exclude", False))
