"""A coordinator whose page was sent back sees what was asked and one clear *Resubmit*."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Page, WorkflowState

from .edit_form import edit_form

pytestmark = pytest.mark.django_db

SENT_BACK_TITLE = "Exemple: recull de bones pràctiques municipals de cures"  # the demo's
COMMENT = "Exemple de comentari: cal citar la font de cada pràctica"


@pytest.fixture
def sent_back():
    page = Page.objects.get(title=SENT_BACK_TITLE, locale__language_code="ca")
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return page


def test_the_editor_tells_the_coordinator_what_the_secretariat_asked(client, users, sent_back):
    client.force_login(users["coordinator_b"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[sent_back.pk]))
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert COMMENT in said and "Secretaria Tècnica" in said


def test_resubmit_is_the_coordinator_main_button_and_the_confusing_choices_are_gone(
    client, users, sent_back
):
    client.force_login(users["coordinator_b"])
    form = edit_form(client, sent_back)
    assert "action-submit" in form.buttons
    assert "action-restart-workflow" not in form.buttons
    assert "action-cancel-workflow" not in form.buttons
    page = client.get(form.url).content.decode()
    footer = page[page.rindex("<footer") :]
    assert footer.index('name="action-submit"') < footer.index('class="button action-save')


def test_the_secretariat_keeps_wagtail_menu(client, users, sent_back):
    client.force_login(users["secretariat"])
    page = client.get(reverse("wagtailadmin_pages:edit", args=[sent_back.pk])).content.decode()
    footer = page[page.rindex("<footer") :]
    assert footer.index('class="button action-save') < footer.index('name="action-submit"')


def test_a_page_not_sent_back_keeps_wagtail_menu(client, users, sections):
    draft = sections["group_b"].add("Esborrany", "esborrany", owner=users["coordinator_b"])
    client.force_login(users["coordinator_b"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert not list(get_messages(response.wsgi_request))
