"""Review decisions taken from the dashboard's "awaiting your review" panel."""

import html
import re
from datetime import timedelta

import pytest

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, TaskState, WorkflowState

from .conftest import GROUP_A, submit

pytestmark = pytest.mark.django_db

TITLE = "Guia de masoveria urbana"
PUBLIC_PATH = f"/ca/grups-de-treball/{GROUP_A}/guia-de-masoveria-urbana/"
MODAL = {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture
def in_review(users, sections):
    page = sections["group_a"].add(TITLE, "guia-de-masoveria-urbana", owner=users["coordinator_a"])
    submit(page, users["coordinator_a"])
    return page


@pytest.fixture
def reviewer(client, users):
    client.force_login(users["secretariat"])
    return client


def _open_step(page):
    return WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state


def _action_url(page, action, task_state):
    return reverse("groups_review_action", args=[page.pk, action, task_state.pk])


def _decide(client, page, action, task_state=None, **data):
    task_state = task_state or _open_step(page)
    dashboard = reverse("wagtailadmin_home")
    return client.post(_action_url(page, action, task_state), {"next": dashboard, **data})


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_panel_buttons_post_to_the_view_that_decides_on_the_open_step(reviewer, in_review):
    dashboard = html.unescape(reviewer.get(reverse("wagtailadmin_home")).content.decode())
    step = _open_step(in_review)
    for action in ["approve", "reject"]:
        assert f'data-workflow-action-url="{_action_url(in_review, action, step)}"' in dashboard


def test_approving_from_the_dashboard_publishes_and_confirms(reviewer, in_review):
    assert Client().get(PUBLIC_PATH).status_code == 404

    response = _decide(reviewer, in_review, "approve")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert f"«{TITLE}» s'ha aprovat i publicat." in _messages(response)
    assert Page.objects.get(pk=in_review.pk).live
    assert Client().get(PUBLIC_PATH).status_code == 200


def test_requesting_changes_through_the_dashboard_modal(reviewer, in_review):
    url = _action_url(in_review, "reject", _open_step(in_review))
    modal = reviewer.get(url, headers=MODAL)
    assert modal.status_code == 200
    assert f'action="{url}"' in modal.json()["html"]

    response = reviewer.post(url, {"comment": "Falten les fonts."}, headers=MODAL)

    assert response.json()["step"] == "success"
    state = WorkflowState.objects.get(object_id=str(in_review.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Falten les fonts."
    assert any("s'ha retornat als autors" in text for text in _messages(response))


def test_posting_the_same_decision_twice_answers_with_a_message(reviewer, in_review):
    step = _open_step(in_review)
    _decide(reviewer, in_review, "approve", step)

    again = _decide(reviewer, in_review, "approve", step)

    assert again.status_code == 302
    assert f"«{TITLE}» ja no està pendent de revisió: no s'ha fet res." in _messages(again)
    assert Page.objects.get(pk=in_review.pk).live


def test_a_step_decided_in_an_earlier_review_cannot_be_decided_again(reviewer, in_review, users):
    first_step = _open_step(in_review)
    _decide(reviewer, in_review, "reject", first_step, comment="Falten les fonts.")
    WorkflowState.objects.get(object_id=str(in_review.pk)).resume(users["coordinator_a"])

    response = _decide(reviewer, in_review, "approve", first_step)

    assert response.status_code == 302
    assert f"«{TITLE}» ja no està pendent de revisió: no s'ha fet res." in _messages(response)
    assert _open_step(in_review).status == TaskState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=in_review.pk).live


def test_a_step_of_another_page_is_not_found(reviewer, in_review, sections, users):
    coordinator = users["coordinator_a"]
    other = sections["group_a"].add("Una altra guia", "una-altra-guia", owner=coordinator)
    submit(other, coordinator)

    response = _decide(reviewer, in_review, "approve", _open_step(other))

    assert response.status_code == 404
    assert _open_step(other).status == TaskState.STATUS_IN_PROGRESS


def test_a_coordinator_cannot_decide_through_the_review_url(client, in_review, users):
    client.force_login(users["coordinator_a"])

    response = _decide(client, in_review, "approve")

    # Wagtail's admin answers a refused permission with its message and the dashboard.
    assert response.status_code == 302
    assert _messages(response)
    assert _open_step(in_review).status == TaskState.STATUS_IN_PROGRESS


def test_approving_a_scheduled_page_says_when_it_will_be_published(reviewer, sections, users):
    go_live_at = timezone.now() + timedelta(days=2)
    page = sections["group_a"].add(TITLE, "guia-de-masoveria-urbana", owner=users["coordinator_a"])
    page.go_live_at = go_live_at
    submit(page, users["coordinator_a"])

    response = _decide(reviewer, page, "approve")

    assert any(f"«{TITLE}» s'ha aprovat; es publicarà el" in text for text in _messages(response))
    assert not Page.objects.get(pk=page.pk).live


def test_the_review_queue_comes_first_and_answers_the_longest_wait_first(reviewer, users, sections):
    older = sections["group_a"].add(
        "Guia que espera més", "espera-mes", owner=users["coordinator_a"]
    )
    newer = sections["group_a"].add(
        "Guia acabada d'enviar", "acabada", owner=users["coordinator_a"]
    )
    submit(older, users["coordinator_a"])
    submit(newer, users["coordinator_a"])
    TaskState.objects.filter(workflow_state__object_id=str(older.pk)).update(
        started_at=timezone.now() - timedelta(days=3)
    )
    page = html.unescape(reviewer.get(reverse("wagtailadmin_home")).content.decode())
    assert page.index("Guia que espera més") < page.index("Guia acabada d'enviar")
    panels = re.findall(r'<section class="w-panel[^"]*" id="([^"]+)"', page)
    assert panels[0] == "awaiting-review-section"
