"""Coordinators write their group's news and events; the secretariat publishes them.

From the dashboard a coordinator reaches the add forms of a news item and an
event in two clicks, the form presets their group, *Submit* starts the
secretariat's review, and nothing they do publishes. Other groups' items, and
the secretariat's bulletins, stay out of their reach.
"""

import html

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, WorkflowState

from groups.models import WorkingGroupAccess
from news.models import AgendaPage, BulletinPage, EventPage, NewsIndexPage, NewsPage
from tests.groups.conftest import GROUP_A, GROUP_B, group_page
from tests.groups.edit_form import add_form, edit_form

pytestmark = pytest.mark.django_db

ITEM_TYPES = [
    (NewsIndexPage, NewsPage, "related_group"),
    (AgendaPage, EventPage, "organising_group"),
]


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def dashboard_add_links(client):
    page = html.unescape(client.get(reverse("wagtailadmin_home")).content.decode())
    return page.split('class="working-group-add"')[1].split("</ul>")[0]


def item_of(model, parent, group, title, slug, owner):
    """A draft news item or event of ``group``, made by ``owner``."""
    fields = {"title": title, "slug": slug, "lead": "Entradeta.", model.group_field: group}
    if model is EventPage:
        fields["start"] = "2030-03-01T10:00:00+01:00"
    page = parent.add_child(instance=model(live=False, owner=owner, **fields))
    page.save_revision(user=owner)
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def users(db):
    accounts = get_user_model().objects
    return {
        "coordinator_a": accounts.get(username="coord-habitatge"),
        "coordinator_b": accounts.get(username="coord-cures"),
        "secretariat": accounts.get(username="secretaria"),
    }


@pytest.fixture
def coordinator(client, users):
    client.force_login(users["coordinator_a"])
    return client


@pytest.mark.parametrize(("index_model", "model", "group_field"), ITEM_TYPES)
def test_a_coordinator_adds_and_submits_a_group_item_in_two_clicks_and_cannot_publish(
    coordinator, index_model, model, group_field
):
    parent = index_model.objects.get(locale__language_code="ca")
    url = add_url(model, parent)
    assert url in dashboard_add_links(coordinator)  # click 1: the dashboard's link
    form = add_form(coordinator, url)  # click 2: the form, with the group preset
    assert form.fields[group_field] == [str(group_page(GROUP_A).pk)]
    assert "action-publish" not in form.buttons
    fields = {**form.fields, "title": ["Trobada del grup"], "slug": ["trobada-del-grup"]}
    fields["lead"] = ["Entradeta."]
    if model is EventPage:
        fields["start"] = ["2030-03-01 10:00"]
    response = coordinator.post(url, {**fields, "action-submit": [form.buttons["action-submit"]]})
    assert response.status_code == 302, response.content.decode()[:2000]
    item = model.objects.get(slug="trobada-del-grup")
    assert not item.live
    assert WorkflowState.objects.filter(
        object_id=str(item.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    # Pressing Publish by hand publishes nothing either.
    edit = edit_form(coordinator, item)
    coordinator.post(edit.url, {**edit.fields, "action-publish": ["Publish"]})
    assert not Page.objects.get(pk=item.pk).live


@pytest.mark.parametrize(("index_model", "model", "group_field"), ITEM_TYPES)
def test_a_coordinator_edits_their_group_items_and_not_another_groups(
    coordinator, users, index_model, model, group_field
):
    parent = index_model.objects.get(locale__language_code="ca")
    owner = users["secretariat"]
    own = item_of(model, parent, group_page(GROUP_A), "Del grup A", "del-grup-a", owner)
    other = item_of(model, parent, group_page(GROUP_B), "Del grup B", "del-grup-b", owner)
    edit = reverse("wagtailadmin_pages:edit", args=[own.pk])
    assert coordinator.get(edit).status_code == 200
    assert coordinator.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (
        302,
        403,
    )
    assert not other.permissions_for_user(users["coordinator_a"]).can_edit()
    assert other.permissions_for_user(users["coordinator_b"]).can_edit()


@pytest.mark.parametrize(("index_model", "model", "group_field"), ITEM_TYPES)
def test_a_coordinator_cannot_file_an_item_under_another_group(
    coordinator, index_model, model, group_field
):
    parent = index_model.objects.get(locale__language_code="ca")
    url = add_url(model, parent)
    form = add_form(coordinator, url)
    fields = {**form.fields, "title": ["D'un altre grup"], "slug": ["d-un-altre-grup"]}
    fields["lead"] = ["Entradeta."]
    fields[group_field] = [str(group_page(GROUP_B).pk)]
    if model is EventPage:
        fields["start"] = ["2030-03-01 10:00"]
    response = coordinator.post(url, fields)
    assert response.status_code == 200
    errors = response.context["form"].errors
    with translation.override("en"):
        assert [str(error) for error in errors[group_field]] == [
            "Choose a working group you coordinate."
        ]
    assert not model.objects.filter(slug="d-un-altre-grup").exists()
    # Without a group, no item either.
    response = coordinator.post(url, {**fields, group_field: [""]})
    assert not model.objects.filter(slug="d-un-altre-grup").exists()


def test_a_coordinator_adds_no_bulletin(coordinator):
    news_index = NewsIndexPage.objects.get(locale__language_code="ca")
    assert add_url(NewsPage, news_index) in dashboard_add_links(coordinator)
    assert add_url(BulletinPage, news_index) not in dashboard_add_links(coordinator)
    assert coordinator.get(add_url(BulletinPage, news_index)).status_code in (302, 403)


def test_provisioning_gives_coordinators_add_only_under_every_news_index_and_agenda():
    key = group_page(GROUP_A).translation_key
    group = WorkingGroupAccess.objects.get(translation_key=key).coordinators_group
    places = [*NewsIndexPage.objects.all(), *AgendaPage.objects.all()]
    assert len(places) >= 6  # both, in each of the three languages
    for place in places:
        granted = set(
            group.page_permissions.filter(page=place).values_list("permission__codename", flat=True)
        )
        assert granted == {"add_page"}, place
