"""Editors create news, bulletins, events and work plans in the admin."""

import pytest

from django.contrib.auth import get_user_model

from news.models import EventPage, NewsPage, WorkPlanPage

from .conftest import madrid

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("news-editor", "editor@xmess.example", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model_name, parent_getter",
    [
        (
            "newspage",
            lambda: NewsPage.objects.filter(locale__language_code="ca").first().get_parent(),
        ),
        (
            "bulletinpage",
            lambda: NewsPage.objects.filter(locale__language_code="ca").first().get_parent(),
        ),
        (
            "eventpage",
            lambda: EventPage.objects.filter(locale__language_code="ca").first().get_parent(),
        ),
        (
            "workplanpage",
            lambda: EventPage.objects.filter(locale__language_code="ca").first().get_parent(),
        ),
    ],
)
def test_the_add_form_of_each_page_type_opens(editor_client, model_name, parent_getter):
    response = editor_client.get(f"/admin/pages/add/news/{model_name}/{parent_getter().pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("model_name", ["newspage", "bulletinpage", "eventpage", "workplanpage"])
def test_the_edit_form_of_each_demo_page_opens(editor_client, model_name):
    from django.apps import apps

    page = apps.get_model("news", model_name).objects.filter(locale__language_code="ca").first()
    assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def formset(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_an_editor_publishes_an_event_at_18_00_madrid_time(editor_client, agenda):
    data = {
        "title": "Comissió tècnica",
        "slug": "comissio-tecnica-admin",
        "start": "2031-07-10 18:00",
        "end": "2031-07-10 19:30",
        "format": "online",
        "lead": "Reunió en línia.",
        "body-count": "0",
        **formset("documents"),
        **formset("comments"),
        "action-publish": "action-publish",
    }
    response = editor_client.post(f"/admin/pages/add/news/eventpage/{agenda.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="comissio-tecnica-admin")
    assert event.live
    assert event.start == madrid(2031, 7, 10, 18)


def test_an_in_person_event_without_a_place_is_refused_with_a_message(editor_client, agenda):
    data = {
        "title": "Assemblea",
        "slug": "assemblea-sense-lloc",
        "start": "2031-07-10 18:00",
        "end": "",
        "format": "in_person",
        "lead": "Assemblea.",
        "body-count": "0",
        **formset("documents"),
        **formset("comments"),
        "action-publish": "action-publish",
    }
    response = editor_client.post(f"/admin/pages/add/news/eventpage/{agenda.pk}/", data)
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="assemblea-sense-lloc").exists()
    assert (
        "Indiqueu on es fa" in response.content.decode() or "Say where" in response.content.decode()
    )


def test_the_demo_work_plan_is_editable_with_its_milestones(editor_client):
    plan = WorkPlanPage.objects.get(locale__language_code="ca")
    html = editor_client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert "Trobada plenària de Grups de treball presencial" in html
