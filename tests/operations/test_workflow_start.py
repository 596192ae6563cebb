"""Starting a workflow validates its state once and uses the page it was given
(``operations.workflow_start``).

The state is still refused when another workflow of the page is open (by
Wagtail's ``clean``, with its message, and by the database's own index);
pointing a state at a task state that is not its own is still validated; the
first task starts on the page's latest revision, as Wagtail starts it.
"""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import workflow_submitted

from bench.admin.run import PRODUCTION_TASKS
from knowledge.models import GuidePage

pytestmark = pytest.mark.django_db

OPEN_WORKFLOW_QUESTION = re.compile(
    r'FROM "wagtailcore_workflowstate" .*"status" (= \'in_progress\'|IN)', re.S
)
PAGE_READ = re.compile(r'^SELECT .* FROM "wagtailcore_page" WHERE "wagtailcore_page"."id" = ')


def live_guides(count):
    guides = GuidePage.objects.live().filter(locale__language_code="ca").order_by("pk")
    guides = [guide for guide in guides if guide.get_workflow() is not None][:count]
    assert len(guides) == count
    return guides


@pytest.fixture
def editor():
    return get_user_model().objects.get(username="coord-habitatge")


def submitted(guide, editor):
    """As *Submit* does: a revision saved, then the page's workflow started with it."""
    guide.save_revision(user=editor, clean=False)
    return guide.get_workflow().start(guide, editor)


def sql(queries):
    return [query["sql"] for query in queries.captured_queries]


def test_a_start_opens_one_state_whose_first_task_is_on_the_new_revision(editor):
    [guide] = live_guides(1)
    received = []

    def receiver(sender, instance, user, **kwargs):
        received.append((instance.pk, user))

    workflow_submitted.connect(receiver, sender=WorkflowState)
    try:
        state = submitted(guide, editor)
    finally:
        workflow_submitted.disconnect(receiver, sender=WorkflowState)
    state = WorkflowState.objects.get(pk=state.pk)
    task_state = state.current_task_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert task_state.workflow_state_id == state.pk
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.revision_id == Page.objects.get(pk=guide.pk).latest_revision_id
    assert received == [(state.pk, editor)]
    entry = log_registry.get_logs_for_instance(guide).filter(action="wagtail.workflow.start")
    assert entry.get().data["workflow"]["task_state_id"] == task_state.pk


def test_a_start_asks_once_whether_another_workflow_is_open_and_reads_the_page_no_more(editor):
    first, second, third = live_guides(3)
    state = submitted(first, editor)
    # Presence: the page read through a state's generic key, and the revision read by a
    # task started for a page that does not hold its latest revision.
    with CaptureQueriesContext(connection) as read:
        page = WorkflowState.objects.get(pk=state.pk).content_object
    assert page.pk == first.pk
    assert [q for q in sql(read) if PAGE_READ.search(q)]
    third.save_revision(user=editor, clean=False)
    bare = Page.objects.get(pk=third.pk)
    with CaptureQueriesContext(connection) as read:
        bare.get_workflow().start(bare, editor)
    assert [q for q in sql(read) if 'FROM "wagtailcore_revision"' in q]
    # Presence: a second start of the same page asks, and is refused.
    with CaptureQueriesContext(connection) as refused:
        with pytest.raises(ValidationError), transaction.atomic():
            first.get_workflow().start(first, editor)
    assert len([q for q in sql(refused) if OPEN_WORKFLOW_QUESTION.search(q)]) == 1
    second.save_revision(user=editor, clean=False)
    workflow = second.get_workflow()
    # Emails queued as in production (the tests' immediate backend sends them at once,
    # reading the page for the templates).
    with override_settings(TASKS=PRODUCTION_TASKS), CaptureQueriesContext(connection) as started:
        workflow.start(second, editor)
    assert len([q for q in sql(started) if OPEN_WORKFLOW_QUESTION.search(q)]) == 1
    assert not [q for q in sql(started) if PAGE_READ.search(q)]
    assert not [q for q in sql(started) if 'FROM "wagtailcore_revision"' in q]


def test_another_open_workflow_is_refused_with_wagtails_message(editor):
    [guide] = live_guides(1)
    submitted(guide, editor)
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        guide.get_workflow().start(guide, editor)
    with translation.override("en"):
        assert refused.value.messages == [
            "There may only be one in progress or needs changes workflow state per page/snippet."
        ]
    assert WorkflowState.objects.for_instance(guide).active().count() == 1


def test_the_database_refuses_another_open_workflow_even_unvalidated(editor):
    [guide] = live_guides(1)
    state = submitted(guide, editor)
    duplicate = WorkflowState(
        content_type_id=state.content_type_id,
        base_content_type_id=state.base_content_type_id,
        object_id=state.object_id,
        workflow_id=state.workflow_id,
        status=WorkflowState.STATUS_IN_PROGRESS,
        requested_by=editor,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Model.save(duplicate)  # no full_clean at all


def test_pointing_a_state_at_another_states_task_state_is_validated(editor):
    first, second = live_guides(2)
    first_state = submitted(first, editor)
    second_state = submitted(second, editor)
    first_state.current_task_state = second_state.current_task_state
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        first_state.save()
    assert "current_task_state" in refused.value.message_dict


def test_a_state_read_from_the_database_is_validated_at_its_first_save(editor):
    [guide] = live_guides(1)
    state = WorkflowState.objects.get(pk=submitted(guide, editor).pk)
    state.current_task_state = TaskState.objects.get(pk=state.current_task_state_id)
    with CaptureQueriesContext(connection) as saved:
        state.save()
    assert len([q for q in sql(saved) if OPEN_WORKFLOW_QUESTION.search(q)]) == 1
