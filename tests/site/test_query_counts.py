"""Every public page type costs a bounded number of SQL queries that does not
grow with content: the count is the same after its listings get more items.

Pages, the language-prefixed views (feeds, calendar, search, subscribing), a
search with results and the sitemap, uncached (the page cache is off in tests).
Runs on PostgreSQL too when ``DATABASE_URL`` names it."""

import itertools

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from operations.page_samples import Sample, all_samples

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12  # issue 19: every public page type, uncached, on SQLite and PostgreSQL
COPIES = 2  # a query per listed item would show as two more
_numbers = itertools.count()


def _queries(client, path):
    client.get(path)  # warm per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def _grow(page):
    """More of what a page may list: copies of its first child, and copies of the
    page itself beside it (for the listings of its parent and the home page)."""
    child = page.get_children().live().public().first()
    copies = []
    if child is not None:
        copies += [(child.specific, page) for _ in range(COPIES)]
    if page.depth > 2:
        copies += [(page.specific, page.get_parent()) for _ in range(COPIES)]
    for original, parent in copies:
        number = next(_numbers)
        original.copy(
            to=parent,
            update_attrs={
                "slug": f"{original.slug}-copy-{number}",
                "title": f"{original.title} ({number})",
            },
            keep_live=True,
            reset_translation_key=True,
            log_action=None,
        )


def _samples():
    samples = all_samples()
    languages = sorted({sample.language for sample in samples})
    samples += [
        Sample("view:search?q", lang, f"/{lang}/search/?q=cooperativa") for lang in languages
    ]
    samples.append(Sample("view:sitemap", "", "/sitemap.xml"))
    return samples


def test_queries_per_public_page_type_are_bounded_and_flat(
    client, django_capture_on_commit_callbacks
):
    samples = _samples()
    before = {sample: _queries(client, sample.path) for sample in samples}
    # Committed, as an editor's publishing is: the announcements reach the caches.
    with django_capture_on_commit_callbacks(execute=True):
        for sample in samples:
            if sample.language == "ca" and sample.page_id is not None:
                _grow(Page.objects.get(pk=sample.page_id))
    after = {sample: _queries(client, sample.path) for sample in samples}
    report = {
        f"{s.kind} ({s.language}) {s.path}": (before[s], after[s])
        for s in samples
        if after[s] != before[s] or after[s] > MAX_QUERIES
    }
    assert len(samples) >= 6
    assert report == {}, f"(queries before, after adding {COPIES} items) per page type: {report}"
