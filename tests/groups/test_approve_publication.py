"""Approving a page publishes exactly what was submitted, and records it as Wagtail does.

The secretariat's *Approve* (``groups.review_dashboard``) hands the objects it
read to Wagtail's workflow and publication (``operations.held_publication``,
``operations.workflow_finish``), publishes only the inline rows that changed
(``operations.inline_rows``) and writes the decision as one transaction
(``operations.workflow_decisions``). What users see must not change: the page's
files and tags, which files are public, the history, the signals.
"""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState
from wagtail.signals import page_published
from wagtail.workflows import publish_workflow_state as wagtail_publish_workflow_state

from bench.admin.run import review_url
from groups.review import open_step
from knowledge.models import KnowledgeAttachment
from publishing.visibility import is_file_public

from .conftest import GROUP_A, collection_of, group_page, guide, submit

pytestmark = pytest.mark.django_db

ROW_TABLES = ("knowledge_knowledgeattachment", "knowledge_knowledgepagetag")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def a_file(title):
    document = get_document_model()(title=title, collection=collection_of(group_page(GROUP_A)))
    document.file.save(f"{title}.txt", ContentFile(b"Acta de la reunio."), save=False)
    document.save()
    return document


def a_live_guide(slug, files, tags):
    page = group_page(GROUP_A).add_child(instance=guide(f"Guia {slug}", slug))
    for n, document in enumerate(files):
        KnowledgeAttachment.objects.create(page=page, document=document, sort_order=n)
    page = Page.objects.get(pk=page.pk).specific
    page.tags.add(*tags)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def rows_of(page):
    attachments = KnowledgeAttachment.objects.filter(page=page).order_by("sort_order")
    return {
        "files": [(row.pk, row.document_id, row.label) for row in attachments],
        "tags": sorted((item.pk, item.tag.name) for item in page.tagged_items.all()),
    }


def approve(client, users, page):
    client.force_login(users["secretariat"])
    response = client.post(review_url(page), {"comment": ""})
    assert response.status_code == 302
    return Page.objects.get(pk=page.pk).specific


def row_writes(queries):
    return [
        query["sql"]
        for query in queries
        if any(table in query["sql"] for table in ROW_TABLES)
        and query["sql"].lstrip().split()[0] in {"INSERT", "UPDATE", "DELETE"}
    ]


def test_approving_publishes_the_file_rows_and_tags_that_changed(client, users):
    kept, removed, changed, added = (
        a_file(name) for name in ("kept", "removed", "changed", "added")
    )
    live = a_live_guide("guia-canvis", [changed, removed, kept], ["obra", "cures"])
    before = rows_of(live)
    assert not is_file_public(added)

    draft = Page.objects.get(pk=live.pk).specific
    first, _gone, third = draft.attachments.all()
    first.label = "Acta revisada"
    draft.attachments = [first, third, KnowledgeAttachment(document=added, sort_order=3)]
    draft.tags.set(["obra", "habitatge"])
    submit(draft, users["coordinator_a"])
    approved = approve(client, users, live)

    after = rows_of(approved)
    ids = {document: pk for pk, document, _label in before["files"]}
    assert after["files"][0] == (ids[changed.pk], changed.pk, "Acta revisada")
    assert after["files"][1] == (ids[kept.pk], kept.pk, "")
    assert after["files"][2][1:] == (added.pk, "")
    assert sorted(name for _pk, name in after["tags"]) == ["habitatge", "obra"]
    kept_tag = dict((name, pk) for pk, name in before["tags"])["obra"]
    assert (kept_tag, "obra") in after["tags"]
    # Which files are public follows the published rows at once.
    assert is_file_public(added)
    assert not is_file_public(removed)
    assert is_file_public(kept)


def test_an_unchanged_guide_keeps_its_rows_unwritten_and_its_files_public(client, users):
    files = [a_file("primer"), a_file("segon")]
    live = a_live_guide("guia-igual", files, ["obra", "cures"])
    before = rows_of(live)

    draft = Page.objects.get(pk=live.pk).specific
    draft.title = "Guia amb un títol nou"
    draft.tags.set(["obra", "cures"])  # as the edit form's tags field does: rows without ids
    submit(draft, users["coordinator_a"])
    with CaptureQueriesContext(connection) as queries:
        approved = approve(client, users, live)

    assert approved.title == "Guia amb un títol nou"
    assert rows_of(approved) == before
    assert row_writes(queries) == []
    assert all(is_file_public(document) for document in files)


def history(page, since):
    return [
        (entry.action, entry.user_id, entry.revision_id, entry.content_changed)
        for entry in PageLogEntry.objects.filter(page=page, pk__gt=since).order_by("pk")
    ]


def approve_recording(client, users, page):
    """Approve ``page``; return its new history entries and what ``page_published`` carried."""
    since = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    revision_id = Page.objects.get(pk=page.pk).latest_revision_id
    published = []

    def on_published(sender, instance, revision, **kwargs):
        published.append((sender, type(instance), instance.pk, revision.pk, instance.live))

    page_published.connect(on_published, dispatch_uid="test-approve-publication")
    try:
        approved = approve(client, users, page)
    finally:
        page_published.disconnect(dispatch_uid="test-approve-publication")
    return approved, history(page, since), published, revision_id


def test_the_history_and_the_signal_are_those_of_wagtails_own_publication(
    client, users, monkeypatch
):
    secretariat = users["secretariat"].pk
    results = []
    for slug, finish_action in (("guia-nostra", None), ("guia-wagtail", "wagtail")):
        live = a_live_guide(slug, [a_file(f"fitxer-{slug}")], ["obra"])
        draft = Page.objects.get(pk=live.pk).specific
        draft.summary = "Resum revisat."
        submit(draft, users["coordinator_a"])
        if finish_action == "wagtail":
            monkeypatch.setattr(WorkflowState, "on_finish", wagtail_publish_workflow_state)
        results.append(approve_recording(client, users, live))

    for approved, entries, published, revision_id in results:
        assert approved.live and not approved.has_unpublished_changes
        assert approved.live_revision_id == revision_id
        assert entries == [
            ("wagtail.workflow.approve", secretariat, revision_id, False),
            ("wagtail.publish", secretariat, revision_id, True),
        ]
        assert published == [(type(approved), type(approved), approved.pk, revision_id, True)]
    ours, wagtails = results
    assert [entry[0] for entry in ours[1]] == [entry[0] for entry in wagtails[1]]


def test_a_decision_whose_publication_fails_is_not_recorded_at_all(users):
    """The decision is one transaction: the page's checks still run when it is published
    (here, its slug taken meanwhile by a sibling), and nothing of the decision remains."""
    live = a_live_guide("guia-lliure", [], [])
    group_page(GROUP_A).add_child(instance=guide("Una altra guia", "guia-ocupada"))
    draft = Page.objects.get(pk=live.pk).specific
    draft.slug = "guia-ocupada"
    draft.save_revision(user=users["coordinator_a"], clean=False)
    draft.get_workflow().start(draft, users["coordinator_a"])
    step = open_step(live)
    entries_before = PageLogEntry.objects.filter(page=live).count()

    with pytest.raises(ValidationError, match="slug"), transaction.atomic():
        step.task.specific.on_action(step, users["secretariat"], "approve")

    step = TaskState.objects.get(pk=step.pk)
    assert step.status == TaskState.STATUS_IN_PROGRESS
    assert step.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert PageLogEntry.objects.filter(page=live).count() == entries_before
    assert Page.objects.get(pk=live.pk).slug == "guia-lliure"
