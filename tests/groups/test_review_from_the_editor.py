"""Review decisions taken in the page editor, posted exactly as the browser posts them.

The reported bug: "Aprova i publica" from the editor's action menu answered
the reviewer with "updated", emailed "approved", logged "Published" and left
the page a draft, because autosave posted a copy of the form, decision
included, that overlapped the real submission (see ``groups/review_editor.py``).
"""

import html

import pytest

from django.contrib.messages import get_messages
from django.test import Client

from wagtail.models import Page, TaskState, WorkflowState

from operations.edit_view import PageEditView as EditView  # the edit view the admin uses

from .conftest import GROUP_A, submit
from .edit_form import AUTOSAVE_HEADERS, edit_form

pytestmark = pytest.mark.django_db

TITLE = "Guia de cessió d'ús"
PUBLIC_PATH = f"/ca/grups-de-treball/{GROUP_A}/guia-de-cessio-d-us/"
COMMENT = "Cal citar l'ordenança municipal."


@pytest.fixture
def in_review(users, sections):
    """A coordinator's guide waiting for the secretariat."""
    page = sections["group_a"].add(TITLE, "guia-de-cessio-d-us", owner=users["coordinator_a"])
    submit(page, users["coordinator_a"])
    return page


@pytest.fixture
def reviewer(client, users):
    client.force_login(users["secretariat"])
    return client


def _public_status():
    return Client().get(PUBLIC_PATH).status_code


def _workflow(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")


def _said(response, text):
    """Whether a message shown after ``response`` says ``text`` (Wagtail adds buttons to some)."""
    return any(text in html.unescape(str(m)) for m in get_messages(response.wsgi_request))


def test_approve_and_publish_from_the_editor_makes_the_draft_live(reviewer, in_review):
    assert not Page.objects.get(pk=in_review.pk).live
    assert _public_status() == 404

    form = edit_form(reviewer, in_review)
    response = reviewer.post(form.url, form.deciding("approve"))

    assert response.status_code == 302
    assert Page.objects.get(pk=in_review.pk).live
    assert _public_status() == 200
    assert _said(response, f"«{TITLE}» s'ha aprovat i publicat.")


def test_approve_with_comment_from_the_editor_publishes_and_keeps_the_comment(reviewer, in_review):
    form = edit_form(reviewer, in_review)
    reviewer.post(form.url, form.deciding("approve", {"comment": COMMENT}))

    assert _public_status() == 200
    decided = TaskState.objects.get(workflow_state=_workflow(in_review))
    assert (decided.status, decided.comment) == (TaskState.STATUS_APPROVED, COMMENT)


def test_request_changes_from_the_editor_returns_the_page_with_the_comment(reviewer, in_review):
    form = edit_form(reviewer, in_review)
    response = reviewer.post(form.url, form.deciding("reject", {"comment": COMMENT}))

    workflow = _workflow(in_review)
    assert workflow.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert workflow.current_task_state.comment == COMMENT
    assert _public_status() == 404
    assert _said(response, f"«{TITLE}» s'ha retornat als autors amb els canvis que heu demanat.")


def test_an_autosave_copy_of_a_decision_is_refused_and_changes_nothing(reviewer, in_review):
    form = edit_form(reviewer, in_review)
    revisions = in_review.revisions.count()

    response = reviewer.post(form.url, form.deciding("approve"), headers=AUTOSAVE_HEADERS)

    assert response.status_code == 400
    assert response.json()["success"] is False
    assert _workflow(in_review).status == WorkflowState.STATUS_IN_PROGRESS
    assert in_review.revisions.count() == revisions
    assert _public_status() == 404


def test_an_autosave_copy_loaded_before_the_decision_cannot_unpublish_the_page(
    reviewer, in_review, users, monkeypatch
):
    form = edit_form(reviewer, in_review)
    browser = Client()
    browser.force_login(users["secretariat"])
    load_page = EditView.get_object

    def decision_lands_meanwhile(view):
        # The copy has loaded the page as a draft; the real submission then completes.
        page = load_page(view)
        monkeypatch.setattr(EditView, "get_object", load_page)
        assert browser.post(form.url, form.deciding("approve")).status_code == 302
        return page

    monkeypatch.setattr(EditView, "get_object", decision_lands_meanwhile)
    response = reviewer.post(form.url, form.deciding("approve"), headers=AUTOSAVE_HEADERS)

    assert response.status_code == 400
    page = Page.objects.get(pk=in_review.pk)
    assert page.live and not page.has_unpublished_changes
    assert _public_status() == 200


def test_posting_the_same_decision_twice_answers_with_a_message(reviewer, in_review):
    form = edit_form(reviewer, in_review)
    reviewer.post(form.url, form.deciding("approve"))

    again = reviewer.post(form.url, form.deciding("approve"))

    assert again.status_code == 302
    assert again["Location"] == form.url
    assert _said(again, f"«{TITLE}» ja no està pendent de revisió: no s'ha fet res.")
    assert not Page.objects.get(pk=in_review.pk).has_unpublished_changes
    assert _public_status() == 200


def test_a_decision_on_a_page_whose_review_was_cancelled_does_nothing(reviewer, in_review, users):
    form = edit_form(reviewer, in_review)
    _workflow(in_review).cancel(user=users["coordinator_a"])

    response = reviewer.post(form.url, form.deciding("approve"))

    assert response.status_code == 302
    assert _said(response, f"«{TITLE}» ja no està pendent de revisió: no s'ha fet res.")
    assert _public_status() == 404


def test_a_coordinator_posting_a_decision_is_told_they_cannot_take_it(reviewer, in_review, users):
    form = edit_form(reviewer, in_review)
    reviewer.force_login(users["coordinator_a"])

    response = reviewer.post(form.url, form.deciding("approve"))

    assert response.status_code == 302
    assert _said(response, f"No podeu prendre aquesta decisió de revisió sobre «{TITLE}».")
    assert _workflow(in_review).status == WorkflowState.STATUS_IN_PROGRESS


def test_the_coordinator_resubmits_from_the_editor_after_changes_were_requested(
    reviewer, in_review, users
):
    form = edit_form(reviewer, in_review)
    reviewer.post(form.url, form.deciding("reject", {"comment": COMMENT}))
    reviewer.force_login(users["coordinator_a"])

    form = edit_form(reviewer, in_review)
    response = reviewer.post(form.url, form.pressing("action-submit"))

    assert response.status_code == 302
    workflow = _workflow(in_review)
    assert workflow.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert _said(response, f"La pàgina «{TITLE}» s'ha enviat a revisió.")


def test_the_coordinator_cancels_the_review_and_a_second_cancel_gets_a_message(
    client, in_review, users
):
    client.force_login(users["coordinator_a"])
    form = edit_form(client, in_review)

    # The page is locked for its coordinator while in review: Wagtail cancels and shows the editor.
    cancelled = client.post(form.url, form.pressing("action-cancel-workflow"))
    assert cancelled.status_code == 200
    assert _workflow(in_review).status == WorkflowState.STATUS_CANCELLED
    assert _said(cancelled, f"S'ha cancel·lat el flux de treball de la pàgina «{TITLE}».")

    again = client.post(form.url, form.pressing("action-cancel-workflow"))
    assert again.status_code == 302
    assert _said(again, f"«{TITLE}» ja no està pendent de revisió: no s'ha fet res.")
