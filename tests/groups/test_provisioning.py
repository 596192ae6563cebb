"""Creating, renaming, moving, closing or deleting a working group keeps its access consistent."""

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from groups.models import WorkingGroupAccess, WorkingGroupIndexPage, WorkingGroupPage
from groups.provisioning import REVIEW_WORKFLOW, SECRETARIAT_GROUP
from news.group_scope import places_for_group_items

from .conftest import GROUP_A, GROUP_B, collection_of, group_page, guide_form, text_file

pytestmark = pytest.mark.django_db


def group_form(title, slug, status="active", coordinators=(), **extra):
    form = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "purpose": "Exemple de propòsit.",
            "status": status,
            "meeting_rhythm": "",
            "partner_organisations": "",
            "participating_municipalities": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )
    form["coordinators"] = [user.pk for user in coordinators]
    return form


def access(page):
    return WorkingGroupAccess.objects.get(translation_key=page.translation_key)


def can_add_guide(client, parent):
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", parent.pk])
    client.post(url, guide_form("Guia nova", "guia-nova"))
    return Page.objects.child_of(parent).filter(slug="guia-nova").exists()


@pytest.fixture
def index_page():
    return WorkingGroupIndexPage.objects.get(locale__language_code="ca")


def test_secretariat_creating_a_group_provisions_it_with_no_other_admin_work(
    index_page, users, login, django_user_model
):
    coordinator = django_user_model.objects.create_user(
        "coord-digital", "digital@xmess.example", "x"
    )
    client = login(users["secretariat"])
    url = reverse("wagtailadmin_pages:add", args=["groups", "workinggrouppage", index_page.pk])
    form = group_form(
        "Digitalització", "digitalitzacio", coordinators=[coordinator], **{"action-publish": "1"}
    )
    assert client.post(url, form).status_code == 302

    page = WorkingGroupPage.objects.get(slug="digitalitzacio")
    provisioned = access(page)
    assert provisioned.coordinators_group.name == "Coordinació: Digitalització"
    assert list(provisioned.coordinators_group.user_set.all()) == [coordinator]
    assert provisioned.collection.name == "Digitalització"
    assert set(
        GroupPagePermission.objects.filter(group=provisioned.coordinators_group).values_list(
            "page", "permission__codename"
        )
    ) == {(page.pk, "add_page"), (page.pk, "change_page")} | {
        (place.pk, "add_page") for place in places_for_group_items()
    }
    assert set(
        GroupCollectionPermission.objects.filter(group=provisioned.coordinators_group).values_list(
            "collection", flat=True
        )
    ) == {provisioned.collection.pk}
    coordinator_client = login(coordinator)
    assert can_add_guide(coordinator_client, page)
    assert not can_add_guide(coordinator_client, group_page(GROUP_A))


def test_every_group_section_is_under_the_secretariat_review(index_page):
    assert WorkflowPage.objects.get(page=index_page).workflow.name == REVIEW_WORKFLOW
    for page in WorkingGroupPage.objects.all():
        workflow = page.get_workflow()
        assert workflow.name == REVIEW_WORKFLOW
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == [SECRETARIAT_GROUP]


def test_translations_of_a_group_share_its_coordinators_group_and_permissions(users, login):
    spanish = group_page(GROUP_A, "es")
    assert collection_of(spanish) == collection_of(group_page(GROUP_A))
    assert can_add_guide(login(users["coordinator_a"]), spanish)


def test_renaming_a_group_renames_its_coordinators_group_and_collection(users):
    page = group_page(GROUP_A)
    before = access(page)
    page.title = "Habitatge cooperatiu i cessió d'ús"
    page.save_revision(user=users["secretariat"]).publish()
    after = access(page)
    assert after.coordinators_group.pk == before.coordinators_group.pk
    assert after.coordinators_group.name == "Coordinació: Habitatge cooperatiu i cessió d'ús"
    assert after.collection.pk == before.collection.pk
    assert after.collection.name == "Habitatge cooperatiu i cessió d'ús"


def test_a_draft_rename_changes_nothing_until_published(users):
    page = group_page(GROUP_A)
    page.title = "Nom provisional"
    page.save_revision(user=users["coordinator_a"])
    assert access(page).coordinators_group.name == "Coordinació: Habitatge cooperatiu"


def test_moving_a_group_keeps_its_coordinators_inside_its_section_only(users, login):
    other_index = WorkingGroupIndexPage(title="Grups en pausa", slug="grups-en-pausa")
    about = Page.objects.get(slug="qui-som", locale__language_code="ca")
    about.add_child(instance=other_index)
    other_index.save_revision().publish()
    page = group_page(GROUP_A)
    page.move(Page.objects.get(pk=other_index.pk), pos="last-child", user=users["secretariat"])

    client = login(users["coordinator_a"])
    moved = group_page(GROUP_A)
    assert moved.get_parent().pk == other_index.pk
    assert can_add_guide(client, moved)
    url = reverse("wagtailadmin_pages:add", args=["groups", "workinggrouppage", other_index.pk])
    client.post(url, group_form("Grup intrús", "grup-intrus"))
    assert not WorkingGroupPage.objects.filter(slug="grup-intrus").exists()
    assert moved.get_workflow().name == REVIEW_WORKFLOW


def test_closing_a_group_withdraws_its_coordinators_editing_rights(users, login):
    page = group_page(GROUP_A)
    page.status = WorkingGroupPage.Status.CLOSED
    page.save_revision(user=users["secretariat"]).publish()

    client = login(users["coordinator_a"])
    assert not can_add_guide(client, group_page(GROUP_A))
    client.post(
        reverse("wagtaildocs:add"),
        {"title": "Acta", "file": text_file(), "collection": collection_of(page).pk},
    )
    assert (
        not get_document_model()
        .objects.filter(title="Acta", collection=collection_of(page))
        .exists()
    )
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    # The group and its members stay, so that reopening restores access as it was.
    assert list(access(page).coordinators_group.user_set.all()) == [users["coordinator_a"]]


def test_reopening_a_closed_group_restores_its_coordinators_rights(users, login):
    page = group_page(GROUP_A)
    page.status = WorkingGroupPage.Status.CLOSED
    page.save_revision(user=users["secretariat"]).publish()
    page.status = WorkingGroupPage.Status.ACTIVE
    page.save_revision(user=users["secretariat"]).publish()
    assert can_add_guide(login(users["coordinator_a"]), group_page(GROUP_A))


def test_a_paused_group_keeps_working(users, login):
    page = group_page(GROUP_A)
    page.status = WorkingGroupPage.Status.PAUSED
    page.save_revision(user=users["secretariat"]).publish()
    assert can_add_guide(login(users["coordinator_a"]), group_page(GROUP_A))


def test_deleting_a_group_leaves_its_coordinators_no_rights_and_keeps_the_files(users):
    page = group_page(GROUP_B)
    provisioned = access(page)
    for translation in page.get_translations(inclusive=True):
        translation.delete()
    group = Group.objects.get(pk=provisioned.coordinators_group.pk)
    assert not group.page_permissions.exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()
    assert not group.permissions.filter(codename="access_admin").exists()
    assert Collection.objects.filter(pk=provisioned.collection.pk).exists()


def test_a_coordinator_cannot_choose_coordinators(users, login, django_user_model):
    page = group_page(GROUP_A)
    friend = django_user_model.objects.create_user("amic", "amic@xmess.example", "x")
    client = login(users["coordinator_a"])
    form = group_form(
        page.title,
        page.slug,
        coordinators=[users["coordinator_a"], friend],
        **{"action-submit": "1"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    draft = WorkingGroupPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert friend not in draft.coordinators.all()
    assert (
        'name="coordinators"'
        not in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    )


def test_the_secretariat_chooses_coordinators_and_they_gain_access_on_publication(
    users, login, django_user_model
):
    page = group_page(GROUP_B)
    newcomer = django_user_model.objects.create_user("nova", "nova@xmess.example", "x")
    client = login(users["secretariat"])
    assert (
        'name="coordinators"'
        in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    )
    form = group_form(
        page.title,
        page.slug,
        coordinators=[users["coordinator_b"], newcomer],
        **{"action-publish": "1"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert set(access(page).coordinators_group.user_set.all()) == {users["coordinator_b"], newcomer}
    assert can_add_guide(login(newcomer), group_page(GROUP_B))


def test_the_command_repairs_permissions_removed_by_hand(users, login):
    group = access(group_page(GROUP_A)).coordinators_group
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()
    assert not can_add_guide(login(users["coordinator_a"]), group_page(GROUP_A))
    call_command("provision_working_groups", stdout=open("/dev/null", "w"))
    assert can_add_guide(login(users["coordinator_a"]), group_page(GROUP_A))
    assert GroupCollectionPermission.objects.filter(group=group).count() == 6


def test_the_command_removes_permissions_added_outside_the_section(users, login):
    group = access(group_page(GROUP_A)).coordinators_group
    stray = group_page(GROUP_B)
    GroupPagePermission.objects.create(
        group=group,
        page=stray,
        permission_id=GroupPagePermission.objects.filter(group=group).first().permission_id,
    )
    call_command("provision_working_groups", stdout=open("/dev/null", "w"))
    assert not GroupPagePermission.objects.filter(group=group, page=stray).exists()
