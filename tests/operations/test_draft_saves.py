"""A draft leaves the indexes and the public page cache alone; publishing updates them.

Saving or submitting a draft writes a revision: the live page, which the
reference index, the admin search index and the anonymous page cache all
reflect, has not changed. Publishing changes it, and all three follow: the
reference index at once, in the request (so a page's files become public with
it), without Wagtail's queued duplicate of that work.
"""

from unittest import mock

import pytest

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

import modelsearch.signal_handlers
import wagtail.signal_handlers
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from knowledge.models import GuidePage, KnowledgeAttachment
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
    assert updates["purge"].called
    # The reference index is refreshed inside the request (publishing.events), not queued.
    assert not updates["references"].called


def files_referenced_by(page):
    return set(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
        ).values_list("to_object_id", flat=True)
    )


def test_a_publication_refreshes_the_reference_index_at_once_without_queueing_it(updates):
    guide = a_live_guide()
    before = files_referenced_by(guide)
    draft = guide.get_latest_revision_as_object()
    kept = list(draft.attachments.all())
    assert kept, "the demo guide has files"
    added = get_document_model().objects.exclude(pk__in=[a.document_id for a in kept]).first()
    draft.attachments = [KnowledgeAttachment(document=a.document) for a in kept[1:]] + [
        KnowledgeAttachment(document=added)
    ]
    draft.save_revision().publish()
    after = files_referenced_by(guide)
    assert str(added.pk) not in before and str(added.pk) in after
    removed = kept[0].document_id
    if removed not in {a.document_id for a in kept[1:]}:
        assert str(removed) in before and str(removed) not in after
    assert not updates["references"].called


def test_a_save_outside_a_publication_still_queues_the_reference_index(updates):
    guide = a_live_guide()
    guide.save()
    assert updates["references"].called
