"""Finding the page a URL names (``home.routing``): the same answers as Wagtail's
level-by-level walk, in one query for the whole path."""

import pytest

from django.utils.html import escape

from home.models import StandardPage
from knowledge.models import GuideChapterPage, LibraryPage

pytestmark = pytest.mark.django_db


def _chapter():
    chapter = GuideChapterPage.objects.live().filter(locale__language_code="en").first()
    assert chapter is not None, "the demo has English guide chapters"
    return chapter


def test_a_deep_page_is_served_with_its_ancestors_in_the_breadcrumbs(client):
    chapter = _chapter()
    html = client.get(chapter.url).content.decode()
    trail = html.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    ancestors = list(chapter.get_ancestors().filter(depth__gt=1))
    assert len(ancestors) == 4, "home, working groups, the group, the guide"
    positions = [trail.index(f'href="{ancestor.url}"') for ancestor in ancestors]
    assert positions == sorted(positions), "home first, the chapter's guide last"
    assert f'<li aria-current="page">{escape(chapter.title)}</li>' in trail


def test_a_missing_page_below_a_live_one_is_not_found(client):
    chapter = _chapter()
    assert client.get(chapter.url).status_code == 200
    assert client.get(f"{chapter.url}no-such-page/").status_code == 404
    assert client.get(f"{chapter.get_parent().url}no-such-chapter/").status_code == 404


def test_a_draft_is_not_found_at_its_address(client):
    chapter = _chapter()
    assert client.get(chapter.url).status_code == 200
    chapter.unpublish()
    assert client.get(chapter.url).status_code == 404


def test_a_routable_pages_own_address_comes_before_a_child_with_the_same_slug(client):
    library = LibraryPage.objects.live().get(locale__language_code="ca")
    export = f"{library.url}export/csv/"
    assert client.get(export)["Content-Type"].startswith("text/csv")

    child = library.add_child(instance=StandardPage(title="Export", slug="export"))
    child.save_revision().publish()

    assert client.get(child.url).status_code == 200
    assert client.get(export)["Content-Type"].startswith("text/csv")
