"""A draft leaves the indexes and the public page cache alone; publishing updates them.

Saving or submitting a draft writes a revision: the live page, which the
reference index, the admin search index and the anonymous page cache all
reflect, has not changed. Publishing changes it, and all three follow.
"""

from unittest import mock

import pytest

from django.contrib.auth import get_user_model

import modelsearch.signal_handlers
import wagtail.signal_handlers
from wagtail.models import Page

from knowledge.models import GuidePage
from operations import pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture
def updates():
    """Spies on what each index and the page cache are asked to do."""
    with (
        mock.patch.object(modelsearch.signal_handlers, "insert_or_update_object_task") as search,
        mock.patch.object(wagtail.signal_handlers, "update_reference_index_task") as references,
        mock.patch.object(pagecache, "purge") as purge,
    ):
        yield {"search": search.enqueue, "references": references.enqueue, "purge": purge}


def a_live_guide():
    return GuidePage.objects.live().filter(locale__language_code="ca").first()


def test_saving_and_submitting_a_draft_updates_no_index_and_purges_nothing(
    updates, django_capture_on_commit_callbacks
):
    guide = a_live_guide()
    editor = get_user_model().objects.get(username="admin")
    guide.title = "Títol en esborrany"
    with django_capture_on_commit_callbacks(execute=True):
        revision = guide.save_revision(user=editor)
        guide.get_workflow().start(guide, editor)
    assert Page.objects.get(pk=guide.pk).has_unpublished_changes
    assert revision.content["title"] == "Títol en esborrany"
    for name, spy in updates.items():
        assert not spy.called, f"a draft reached the {name}"


def test_publishing_updates_both_indexes_and_purges_the_cache(
    updates, django_capture_on_commit_callbacks
):
    guide = a_live_guide()
    guide.title = "Títol publicat"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert updates["search"].called
    assert updates["references"].called
    assert updates["purge"].called
