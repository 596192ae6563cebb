"""What a page type tells the search, read defensively so new types plug in.

``content_date``           the content's own date (a guide's publication date, an
                           event's start, a news item's date), a ``date`` or
                           ``None``. Every page type of the hub states it; the
                           search shows it on the result and uses it for the year
                           facet and the date sort, as cards and feeds do. A page
                           type without one (a home page, an index) has no date:
                           never the day it was published or loaded.
``search_working_group``   the working-group page the result belongs to (default: a
                           ``working_group`` page field, else the nearest ancestor that
                           is a ``groups.WorkingGroupPage``; see ``IndexContext``).
``search_topics``          an iterable of ``taxonomy.Topic`` (default: a ``topics``
                           relation if the page has one).
``search_extra_text``      more plain text to index (e.g. text of child blocks that
                           ``search_fields`` cannot reach).
``search_exclude``         true to keep the page out of the public search.

Which files a page attaches is not the page type's to say: it is what the page
uses (``publishing.visibility``). A failing attribute is logged and treated as
absent: one broken page type must not stop the others from being indexed.
"""

import datetime
import logging

from django.db.models import Manager
from django.utils import timezone

from taxonomy.models import Topic

logger = logging.getLogger(__name__)


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


def content_date(page):
    return as_date(read(page, "content_date"))


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


def extra_text(page):
    value = read(page, "search_extra_text", "")
    return value if isinstance(value, str) else ""


def excluded(page):
    return bool(read(page, "search_exclude", False))
