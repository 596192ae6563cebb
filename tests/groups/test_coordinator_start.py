"""Coordinators start where they work: add forms on the dashboard, the explorer on their section."""

import html

import pytest

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from wagtail.admin.menu import admin_menu

from groups.explorer_start import section_start_page

from .conftest import GROUP_A, group_page

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    return html.unescape(client.get(reverse("wagtailadmin_home")).content.decode())


def add_url(app_label, model_name, parent):
    return reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk])


def test_the_dashboard_links_a_coordinator_straight_to_a_new_guide_in_their_section(client, users):
    section = group_page(GROUP_A)
    page = dashboard(client, users["coordinator_a"])
    links = page.split('class="working-group-add"')[1].split("</ul>")[0]
    assert add_url("knowledge", "guidepage", section) in links
    assert add_url("knowledge", "policydocumentpage", section) in links
    # One click more and the form is there.
    form = client.get(add_url("knowledge", "guidepage", section))
    assert form.status_code == 200 and 'id="page-edit-form"' in form.content.decode()


def test_the_add_links_show_their_label_beside_a_small_icon(client, users):
    """Wagtail sizes a button's icon only inside its icon wrapper; a bare icon
    is drawn 300x150 and covers the label (seen on the dashboard)."""
    links = dashboard(client, users["coordinator_a"]).split('class="working-group-add"')[1]
    buttons = links.split("</ul>")[0].split("<li>")[1:]
    assert buttons
    for button in buttons:
        assert "button--icon" in button and '<span class="icon-wrapper"><svg' in button


def test_people_who_coordinate_nothing_get_no_add_links(client, users):
    assert 'class="working-group-add"' not in dashboard(client, users["secretariat"])


def test_a_coordinator_explorer_starts_on_their_section_in_the_admin_language(users):
    coordinator = users["coordinator_a"]
    assert section_start_page(coordinator).pk == group_page(GROUP_A).pk
    with translation.override("es"):
        assert section_start_page(coordinator).pk == group_page(GROUP_A, "es").pk


def test_the_pages_menu_opens_the_coordinator_section_not_the_root(users):
    request = RequestFactory().get("/admin/")
    request.user = users["coordinator_a"]
    explorer = next(
        item for item in admin_menu.menu_items_for_request(request) if item.name == "explorer"
    )
    assert explorer.render_component(request).start_page_id == group_page(GROUP_A).pk


def test_the_secretariat_explorer_starts_where_wagtail_starts_it(users):
    assert section_start_page(users["secretariat"]) is None
