"""What the review buttons and emails say, in Catalan, Spanish and English.

Wagtail's Catalan catalogue glued "Aprovar" and "i Publica" into "Aprovari
Publica", and its emails call a request for changes a rejection.
"""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.users.models import UserProfile

from groups.wagtail_catalogue import WAGTAIL_REVIEW_STRINGS

from .conftest import submit
from .edit_form import edit_form

pytestmark = pytest.mark.django_db

TITLE = "Guia de masoveria urbana"
COMMENT = "Cal afegir-hi les fonts."

EDITOR_LABELS = {
    "ca": ["Demana canvis", "Aprova i publica", "Aprova amb comentari i publica"],
    "es": ["Solicitar cambios", "Aprobar y publicar", "Aprobar con comentario y publicar"],
    "en": ["Request changes", "Approve and publish", "Approve with comment and publish"],
}
DASHBOARD_LABELS = {
    "ca": ["Demana canvis", "Aprova", "Aprova amb comentari"],
    "es": ["Solicitar cambios", "Aprobar", "Aprobar con comentario"],
    "en": ["Request changes", "Approve", "Approve with comment"],
}
RETURNED = {
    "ca": (
        f"«{TITLE}» s'ha retornat amb canvis demanats",
        "{reviewer} ha retornat «" + TITLE + "» amb canvis demanats, al pas «{task}».",
        f"Canvis demanats: «{COMMENT}»",
    ),
    "es": (
        f"«{TITLE}» se ha devuelto con cambios solicitados",
        "{reviewer} ha devuelto «" + TITLE + "» con cambios solicitados, en el paso «{task}».",
        f"Cambios solicitados: «{COMMENT}»",
    ),
    "en": (
        f'"{TITLE}" has been returned with requested changes',
        '{reviewer} has returned "' + TITLE + '" with requested changes, at the step "{task}".',
        f'Changes requested: "{COMMENT}"',
    ),
}
REJECTED_WORD = {"ca": "rebutj", "es": "rechaz", "en": "reject"}
APPROVED = {
    "ca": (f"«{TITLE}» s'ha aprovat i publicat", "s'ha publicat."),
    "es": (f"«{TITLE}» se ha aprobado y publicado", "se ha publicado."),
    "en": (f'"{TITLE}" has been approved and published', "and published."),
}


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def in_review(users, sections):
    page = sections["group_a"].add(TITLE, "guia-de-masoveria-urbana", owner=users["coordinator_a"])
    submit(page, users["coordinator_a"])
    return page


def _decide(page, user, action, comment=""):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    return task_state


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_editor_review_buttons_read_as_whole_phrases(client, users, in_review, language):
    speaks(users["secretariat"], language)
    client.force_login(users["secretariat"])
    labels = [decision.label for decision in edit_form(client, in_review).decisions]
    assert labels == EDITOR_LABELS[language]


CANCEL_LABELS = {
    "ca": "Cancel·la el flux de treball",
    "es": "Cancelar el flujo de trabajo",
    "en": "Cancel workflow",
}


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_coordinator_cancel_button_is_correct_in_every_language(
    client, users, in_review, language
):
    speaks(users["coordinator_a"], language)
    client.force_login(users["coordinator_a"])
    buttons = edit_form(client, in_review).buttons
    assert buttons["action-cancel-workflow"].strip() == CANCEL_LABELS[language]


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_dashboard_review_buttons_speak_the_reviewer_language(
    client, users, in_review, language
):
    speaks(users["secretariat"], language)
    client.force_login(users["secretariat"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = dashboard.split(f"/admin/review/{in_review.pk}/", 1)[1].split("</ul>")[0]
    positions = [panel.find(f">{label}</button>") for label in DASHBOARD_LABELS[language]]
    assert -1 not in positions, panel


@pytest.mark.parametrize("language", ["ca", "es"])
def test_every_corrected_wagtail_string_is_translated(language):
    from django.utils import translation

    with translation.override(language):
        assert all(translation.gettext(msgid) != msgid for msgid in WAGTAIL_REVIEW_STRINGS)


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_a_change_request_email_says_returned_with_requested_changes(users, in_review, language):
    speaks(users["coordinator_a"], language)
    mail.outbox.clear()
    task_state = _decide(in_review, users["secretariat"], "reject", COMMENT)

    (message,) = [m for m in mail.outbox if m.to == [users["coordinator_a"].email]]
    subject, sentence, comment = RETURNED[language]
    reviewer = users["secretariat"].get_full_name()
    assert message.subject == subject
    assert sentence.format(reviewer=reviewer, task=task_state.task.name) in message.body
    assert comment in message.body
    assert f"/admin/pages/{in_review.pk}/edit/" in message.body
    assert REJECTED_WORD[language] not in (message.subject + message.body).lower()


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_an_approval_email_says_the_page_is_published(users, in_review, language):
    speaks(users["coordinator_a"], language)
    mail.outbox.clear()
    _decide(in_review, users["secretariat"], "approve")

    (message,) = [m for m in mail.outbox if m.to == [users["coordinator_a"].email]]
    subject, sentence_end = APPROVED[language]
    assert message.subject == subject
    assert sentence_end in message.body
    assert in_review.specific.full_url in message.body
