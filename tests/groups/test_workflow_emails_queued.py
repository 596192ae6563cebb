"""Workflow emails leave with the task worker, and say exactly what they said from the request.

Production queues them (``operations.workflow_emails``, ``django_tasks_db``): the
editor's *Submit* or the secretariat's *Approve* sends nothing itself. The
worker then delivers, through a real SMTP server, the same messages to the same
people as the tests' immediate backend does inside the request.
"""

import pytest

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page, WorkflowState

from bench.admin.run import PRODUCTION_TASKS
from tests.task_worker import run_queued_tasks

from .conftest import GROUP_A, group_page, guide_form

pytestmark = pytest.mark.django_db

TITLE = "Guia de les cooperatives en cessió d'ús"
SLUG = "guia-cessio-us"


def delivered(mailbox, page):
    """(recipient, subject, text) of each message the SMTP server accepted, sorted, with
    the page's id in links written ``<page>`` (each run makes the guide anew)."""
    return sorted(
        (
            ", ".join(received.recipients),
            received.message["subject"],
            received.message.get_body(("plain",)).get_content().replace(f"/{page.pk}/", "/<page>/"),
        )
        for received in mailbox.received
    )


def submit_new_guide(client):
    parent = group_page(GROUP_A)
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", parent.pk])
    form = guide_form(TITLE, SLUG, **{"action-submit": "1"})
    assert client.post(url, form).status_code == 302
    return Page.objects.get(slug=SLUG, locale=parent.locale)


def approve(client, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state_id],
    )
    assert client.post(url, {"comment": "D'acord."}).status_code in (200, 302)


def submit_and_approve(users, login, mailbox, *, queued):
    """The mail each step sends: (submission messages, approval messages)."""
    with override_settings(TASKS=PRODUCTION_TASKS) if queued else override_settings():
        page = submit_new_guide(login(users["coordinator_a"]))
        sent_by_the_request = delivered(mailbox, page)
        if queued:
            run_queued_tasks()
        submission = delivered(mailbox, page)
        mailbox.clear()
        approve(login(users["secretariat"]), page)
        sent_by_the_request += delivered(mailbox, page)
        if queued:
            run_queued_tasks()
        approval = delivered(mailbox, page)
        mailbox.clear()
    return sent_by_the_request, submission, approval


def test_queued_workflow_emails_match_the_ones_sent_inside_the_request(users, login, mailbox):
    _, submission, approval = submit_and_approve(users, login, mailbox, queued=False)
    # Presence first: the secretariat hears of the submission, the coordinator of the approval.
    assert [to for to, _subject, _text in submission] == ["secretaria@xmess.example"]
    assert [to for to, _subject, _text in approval] == ["coord-habitatge@xmess.example"]
    assert all(TITLE in text for _to, _subject, text in submission + approval)
    # Again with the same page and people, the mail queued as in production.
    page = Page.objects.get(slug=SLUG)
    WorkflowState.objects.filter(object_id=str(page.pk)).delete()
    page.delete()

    in_the_request, queued_submission, queued_approval = submit_and_approve(
        users, login, mailbox, queued=True
    )
    assert in_the_request == []
    assert queued_submission == submission
    assert queued_approval == approval
