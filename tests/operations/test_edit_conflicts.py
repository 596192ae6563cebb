"""Two editors on one page: a save over a newer version always warns (operations.edit_conflicts)."""

import re

import pytest

from django.test import Client

from wagtail import hooks
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import StandardPage

pytestmark = pytest.mark.django_db

# The editors' admin speaks Catalan: "…after you opened it. Your changes have not been saved…"
WARNING = "Els vostres canvis no"
# "…while you were saving it."
IN_BETWEEN = "mentre la desàveu"


@pytest.fixture
def page():
    home = Page.objects.get(locale__language_code="ca", depth=2)
    page = StandardPage(title="Pàgina compartida", slug="pagina-compartida", live=False)
    home.add_child(instance=page)
    page.save_revision()
    return page


def _editor(django_user_model, username):
    client = Client()
    client.force_login(django_user_model.objects.get(username=username))
    return client


@pytest.fixture
def secretariat(django_user_model):
    return _editor(django_user_model, "secretaria")


@pytest.fixture
def editor(django_user_model):
    return _editor(django_user_model, "admin")


def _edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def _open(client, page):
    """The edit form as the browser holds it: the revision it was loaded from."""
    html = client.get(_edit_url(page)).content.decode()
    return _loaded(html)


def _loaded(html):
    return {
        "loaded_revision_id": re.search(r'name="loaded_revision_id" value="(\d+)"', html)[1],
        "loaded_revision_created_at": re.search(
            r'name="loaded_revision_created_at" value="([^"]*)"', html
        )[1],
    }


def _save(client, page, loaded, title="Pàgina compartida", introduction=""):
    data = nested_form_data(
        {
            "title": title,
            "slug": "pagina-compartida",
            "introduction": introduction,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    return client.post(_edit_url(page), {**data, **loaded})


def _latest(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().specific


def test_a_save_from_an_up_to_date_form_goes_through(secretariat, page):
    loaded = _open(secretariat, page)
    response = _save(secretariat, page, loaded, introduction="Nova introducció")
    assert response.status_code == 302
    assert _latest(page).introduction == "Nova introducció"


def test_a_save_over_a_newer_version_always_warns_and_overwrites_nothing(secretariat, editor, page):
    for attempt in range(3):
        editors_form = _open(editor, page)
        secretariats_form = _open(secretariat, page)
        introduction = f"Introducció de la secretaria {attempt}"
        assert (
            _save(secretariat, page, secretariats_form, introduction=introduction).status_code
            == 302
        )

        stale = _save(editor, page, editors_form, title=f"Títol nou {attempt}")
        assert stale.status_code == 200
        html = stale.content.decode()
        assert WARNING in html
        assert f"Títol nou {attempt}" in html  # what the editor typed is still in the form
        assert _latest(page).introduction == introduction
        assert _latest(page).title == "Pàgina compartida"


def test_saving_again_after_the_warning_is_a_deliberate_overwrite(secretariat, editor, page):
    editors_form = _open(editor, page)
    _save(secretariat, page, _open(secretariat, page), introduction="De la secretaria")
    warned = _save(editor, page, editors_form, title="Títol nou")
    assert WARNING in warned.content.decode()
    assert (
        _save(editor, page, _loaded(warned.content.decode()), title="Títol nou").status_code == 302
    )
    assert _latest(page).title == "Títol nou"


def test_a_save_that_lands_while_another_is_saving_is_reported(secretariat, editor, page):
    """The other save arrives after the check and before this save: warned after the fact."""
    editors_form = _open(editor, page)
    calls = []

    def the_secretariat_saves_just_now(request, page_being_edited):
        if not calls:
            calls.append(page_being_edited.pk)
            _save(secretariat, page, _open(secretariat, page), introduction="Al mateix moment")

    with hooks.register_temporarily("before_edit_page", the_secretariat_saves_just_now, order=1):
        response = _save(editor, page, editors_form, title="Títol nou")
    assert calls and response.status_code == 302
    assert IN_BETWEEN in editor.get(response["Location"]).content.decode()
