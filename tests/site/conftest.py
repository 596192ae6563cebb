"""Fixtures for the site-wide checks: every public page type, in every language."""

import pytest

from django.core.cache import caches

from operations.page_samples import all_samples

# The pages as the demo serves them, rendered by the first test of a worker that asks.
_rendered = {}


@pytest.fixture
def public_html_pages(db, client):
    """``{(kind, language): (path, html)}`` for every sample that answers with HTML,
    plus a search with a query, one with a chosen filter, and the 404 page, which
    every visitor can reach.

    Rendered once per worker, inside the first test that asks, and handed to the
    others: each test that reads them changes nothing before, and each starts from
    the same demo, so each would render the same pages."""
    if not _rendered:
        _rendered.update(_render(client))
    return dict(_rendered)


def _render(client):
    samples = [(s.kind, s.language, s.path) for s in all_samples()]
    for language in ("ca", "es", "en"):
        samples.append(("view:search?q", language, f"/{language}/search/?q=habitatge"))
        samples.append(  # with a chosen filter: its chip, the filters' count
            (
                "view:search?q&type",
                language,
                f"/{language}/search/?q=habitatge&lang=all&type=knowledge.guidepage",
            )
        )
        samples.append(("404", language, f"/{language}/no-such-page-here/"))
    pages = {}
    for kind, language, path in samples:
        response = client.get(path)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        expected = 404 if kind == "404" else 200
        assert response.status_code == expected, (
            f"{kind} ({language}) {path}: {response.status_code}"
        )
        pages[(kind, language)] = (path, response.content.decode())
    return pages


@pytest.fixture
def page_cache(settings):
    """The anonymous page cache switched on, empty."""
    settings.PAGE_CACHE_SECONDS = 600
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield caches[settings.PAGE_CACHE_ALIAS]
    caches[settings.PAGE_CACHE_ALIAS].clear()
