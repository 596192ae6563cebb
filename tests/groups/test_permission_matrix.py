"""Who may do what, where: every role × action × section, through the admin's own views.

Each cell performs the action with the admin's URLs and checks the outcome in
the database (a page created, changed, submitted, approved, published or
deleted; a file stored in the section's collection), so a cell cannot pass on
a status code alone.
"""

import pytest

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState

from .conftest import submit, text_file

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "coordinator_a", "coordinator_b", "secretariat", "superuser"]
ACTIONS = ["view_draft", "create", "edit", "submit", "approve", "publish", "delete", "upload"]
SECTIONS = ["group_a", "group_b", "news", "news_of_group_a", "library"]

# Coordinators work inside their own group only, and never approve or publish:
# their work goes through the secretariat's review. Their group's news items
# (under the shared news index) they write, submit and delete as drafts; files
# they upload only to their group's collection.
COORDINATOR_ACTIONS = {"view_draft", "create", "edit", "submit", "delete", "upload"}
OWN_SECTION = {"coordinator_a": "group_a", "coordinator_b": "group_b"}
OWN_NEWS = {"coordinator_a": "news_of_group_a", "coordinator_b": None}


def expected(role, action, section):
    if role == "anonymous":
        return False
    if role in ("secretariat", "superuser"):
        return True
    if section == OWN_NEWS[role]:
        return action in COORDINATOR_ACTIONS - {"upload"}
    return section == OWN_SECTION[role] and action in COORDINATOR_ACTIONS


def _assert_not_a_server_error(response):
    assert response.status_code < 500


def view_draft(client, section, users):
    draft = section.add("Esborrany secret", "esborrany-secret", owner=users["superuser"])
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    _assert_not_a_server_error(response)
    return response.status_code == 200 and "Esborrany secret" in response.content.decode()


def create(client, section, users):
    url = reverse("wagtailadmin_pages:add", args=[*section.model_path, section.parent.pk])
    _assert_not_a_server_error(client.post(url, section.form("Producte nou", "producte-nou")))
    return Page.objects.child_of(section.parent).filter(slug="producte-nou").exists()


def edit(client, section, users):
    draft = section.add("Esborrany", "per-editar", owner=users["superuser"])
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    _assert_not_a_server_error(client.post(url, section.form("Títol revisat", "per-editar")))
    return Page.objects.get(pk=draft.pk).draft_title == "Títol revisat"


def submit_for_review(client, section, users):
    draft = section.add("Esborrany", "per-enviar", owner=users["superuser"])
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    form = section.form("Per enviar", "per-enviar", **{"action-submit": "Submit"})
    _assert_not_a_server_error(client.post(url, form))
    return WorkflowState.objects.filter(
        object_id=str(draft.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def approve(client, section, users):
    draft = section.add("Esborrany", "per-aprovar", owner=users["superuser"])
    task_state = submit(draft, users["superuser"]).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    _assert_not_a_server_error(client.post(url, {"comment": ""}))
    return Page.objects.get(pk=draft.pk).live


def publish(client, section, users):
    draft = section.add("Esborrany", "per-publicar", owner=users["superuser"])
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    form = section.form("Per publicar", "per-publicar", **{"action-publish": "Publish"})
    _assert_not_a_server_error(client.post(url, form))
    return Page.objects.get(pk=draft.pk).live


def delete(client, section, users):
    draft = section.add("Esborrany", "per-esborrar", owner=users["superuser"])
    _assert_not_a_server_error(client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    return not Page.objects.filter(pk=draft.pk).exists()


def upload(client, section, users):
    form = {"title": "Acta de prova", "file": text_file(), "collection": section.collection.pk}
    _assert_not_a_server_error(client.post(reverse("wagtaildocs:add"), form))
    return (
        get_document_model()
        .objects.filter(title="Acta de prova", collection=section.collection)
        .exists()
    )


PERFORM = {
    "view_draft": view_draft,
    "create": create,
    "edit": edit,
    "submit": submit_for_review,
    "approve": approve,
    "publish": publish,
    "delete": delete,
    "upload": upload,
}


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_may_perform_action_in_section_only_as_the_matrix_says(
    role, action, section, users, sections, login
):
    client = login(users[role])
    allowed = PERFORM[action](client, sections[section], users)
    assert allowed is expected(role, action, section), (
        f"{role} {'could' if allowed else 'could not'} {action} in {section}"
    )
