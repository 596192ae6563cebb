"""Saving a page's file rows reads the chosen files in one query, with Django's own answers.

``operations.known_objects.install_bulk_choices``: every row's chosen file and
the row itself are read in one query per field for the whole inline formset;
a file that does not exist (or a value that is no id) is refused exactly as
Django's ``ModelChoiceField`` refuses it, never a 500 (the chooser shows nothing
chosen for a value that is no id) and nothing saved.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page

from knowledge.models import KnowledgeAttachment

from .conftest import GROUP_A, group_page
from .edit_form import edit_form
from .test_admin_queries import a_file, a_guide, media_root  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, users):
    client.force_login(users["coordinator_a"])
    return client


def files_of(page):
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    return [row.document.title for row in draft.attachments.all()]


def document_queries(queries):
    return [q["sql"] for q in queries if 'FROM "documents_searchabledocument"' in q["sql"]]


def test_a_saved_draft_keeps_its_files_reading_them_in_one_query(coordinator):
    page = a_guide(group_page(GROUP_A), "fitxers", tags=1, files=3, chapters=0)
    assert files_of(page) == ["fitxer-fitxers-0", "fitxer-fitxers-1", "fitxer-fitxers-2"]
    form = edit_form(coordinator, page)
    with CaptureQueriesContext(connection) as queries:
        response = coordinator.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form.fields)
    assert response.status_code == 302
    assert files_of(page) == ["fitxer-fitxers-0", "fitxer-fitxers-1", "fitxer-fitxers-2"]
    reads = document_queries(queries)
    assert any('"documents_searchabledocument"."id" IN' in sql for sql in reads)
    assert not [sql for sql in reads if sql.endswith("LIMIT 21")]  # one file by its id


def test_a_row_may_change_its_file(coordinator):
    page = a_guide(group_page(GROUP_A), "canvi", tags=1, files=2, chapters=0)
    other = a_file(
        "un-altre", KnowledgeAttachment.objects.filter(page=page).first().document.collection
    )
    form = edit_form(coordinator, page)
    fields = {**form.fields, "attachments-1-document": [str(other.pk)]}
    response = coordinator.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), fields)
    assert response.status_code == 302
    assert files_of(page) == ["fitxer-canvi-0", "un-altre"]


@pytest.mark.parametrize("value", ["999999", "abc"])
def test_a_file_that_does_not_exist_is_refused_and_nothing_saved(coordinator, value):
    page = a_guide(group_page(GROUP_A), "inexistent", tags=1, files=2, chapters=0)
    latest = Page.objects.get(pk=page.pk).latest_revision_id
    form = edit_form(coordinator, page)
    fields = {**form.fields, "attachments-1-document": [value]}
    response = coordinator.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), fields)
    assert response.status_code == 200
    rows = response.context["form"].formsets["attachments"].forms
    assert [row.errors.as_data()["document"][0].code for row in rows[1:]] == ["invalid_choice"]
    assert not rows[0].errors
    assert Page.objects.get(pk=page.pk).latest_revision_id == latest
