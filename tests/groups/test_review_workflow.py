"""A coordinator's guide goes public only once the secretariat approves it."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, TaskState, WorkflowState

from .conftest import GROUP_A, group_page, guide_form

pytestmark = pytest.mark.django_db

TITLE = "Guia de masoveria urbana"


def _submit_new_guide(client, parent, **extra):
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", parent.pk])
    response = client.post(
        url, guide_form(TITLE, "guia-de-masoveria-urbana", **{"action-submit": "1", **extra})
    )
    assert response.status_code == 302
    return Page.objects.get(title=TITLE).specific


def _current_task_state(page):
    return WorkflowState.objects.get(
        object_id=str(page.pk), status__in=["in_progress", "needs_changes"]
    ).current_task_state


def _approve(client, page, comment=""):
    task_state = _current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": comment})


def _reject(client, page, comment):
    task_state = _current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    return client.post(url, {"comment": comment})


def _public_traces(client, page):
    """Where the public could find the page: its URL, the library, the sitemap, the API, search.

    Feeds carry news only (which coordinators cannot write), so a guide has no feed to leak into.
    """
    path = f"/ca/grups-de-treball/{GROUP_A}/guia-de-masoveria-urbana/"
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    library_html = (
        client.get("/ca/biblioteca/").content.decode()
        if Page.objects.filter(slug="biblioteca").exists()
        else ""
    )
    api_titles = {
        item["title"]
        for item in client.get("/api/v2/pages/?limit=100&type=knowledge.GuidePage").json()["items"]
    }
    return {
        "page": client.get(path).status_code == 200,
        "library": TITLE in library_html,
        "sitemap": any(
            loc.text.endswith(path)
            for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        ),
        "api_list": TITLE in api_titles,
        "api_detail": client.get(f"/api/v2/pages/{page.pk}/").status_code == 200,
        "search": TITLE in client.get("/ca/search/", {"q": "masoveria"}).content.decode(),
        "search_api": TITLE in client.get("/api/search/", {"q": "masoveria"}).content.decode(),
    }


def test_a_submitted_guide_stays_off_every_public_channel_until_approved(
    client, users, login, django_capture_on_commit_callbacks
):
    # The search index is updated after commit: run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        page = _submit_new_guide(login(users["coordinator_a"]), group_page(GROUP_A))
    assert not page.live
    login(None)
    assert not any(_public_traces(client, page).values())

    with django_capture_on_commit_callbacks(execute=True):
        response = _approve(login(users["secretariat"]), page)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    login(None)
    traces = _public_traces(client, page)
    assert all(traces.values()), traces


def test_the_coordinator_cannot_approve_their_own_submission(users, login):
    client = login(users["coordinator_a"])
    page = _submit_new_guide(client, group_page(GROUP_A))
    _approve(client, page)
    page.refresh_from_db()
    assert not page.live
    assert _current_task_state(page).status == TaskState.STATUS_IN_PROGRESS


def test_submission_notifies_the_secretariat_only(users, login):
    mail.outbox.clear()
    _submit_new_guide(login(users["coordinator_a"]), group_page(GROUP_A))
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"secretaria@xmess.example"}


def test_a_rejected_guide_goes_back_with_the_comment_and_its_coordinators_are_told(users, login):
    page = _submit_new_guide(login(users["coordinator_a"]), group_page(GROUP_A))
    mail.outbox.clear()
    comment = "Cal afegir-hi les fonts de les dades de lloguer."
    _reject(login(users["secretariat"]), page, comment)

    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == comment
    assert {address for message in mail.outbox for address in message.to} == {
        "coord-habitatge@xmess.example"
    }
    assert comment in mail.outbox[0].body

    edit_html = (
        login(users["coordinator_a"])
        .get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        .content.decode()
    )
    assert comment in edit_html


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_the_decision_reaches_every_coordinator_of_the_group_and_nobody_else(
    decision, users, login, django_user_model
):
    from groups.provisioning import provision_working_group

    colleague = django_user_model.objects.create_user(
        "coord-habitatge-2", "coord2@xmess.example", "x"
    )
    group = group_page(GROUP_A)
    group.coordinators.add(colleague)
    group.save_revision().publish()
    provision_working_group(group)

    page = _submit_new_guide(login(users["coordinator_a"]), group)
    mail.outbox.clear()
    decide = _approve if decision == "approve" else _reject
    decide(login(users["secretariat"]), page, "D'acord.")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["coord-habitatge@xmess.example", "coord2@xmess.example"]


def test_scheduled_publishing_waits_for_approval(users, login):
    go_live_at = timezone.now() + timedelta(days=2)
    client = login(users["coordinator_a"])
    page = _submit_new_guide(
        client, group_page(GROUP_A), go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M")
    )
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live

    _approve(login(users["secretariat"]), page)
    page.refresh_from_db()
    assert not page.live, "approval of a scheduled page schedules it, it does not publish it early"
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None

    # Let the scheduled moment pass (no clock library: move the approved date back).
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live


def test_a_coordinator_cannot_schedule_publication_around_the_review(users, login):
    client = login(users["coordinator_a"])
    go_live_at = (timezone.now() + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", group_page(GROUP_A).pk])
    client.post(
        url,
        guide_form(
            TITLE, "guia-de-masoveria-urbana", **{"action-publish": "1", "go_live_at": go_live_at}
        ),
    )
    page = Page.objects.get(title=TITLE)
    assert not page.live
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
