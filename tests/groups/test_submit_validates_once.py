"""*Submit* validates the page once, in its form (``operations.edit_view``).

The revision is then saved without validating it again; the form's checks
still refuse what the second validation refused, such as a slug a sibling
already has, and nothing is submitted.
"""

import pytest

from django.urls import reverse

from wagtail.models import Page

from .conftest import GROUP_A, group_page
from .edit_form import edit_form
from .test_admin_queries import a_guide, media_root  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db


def test_a_valid_submission_starts_the_workflow(client, users):
    page = a_guide(group_page(GROUP_A), "enviada", tags=1, files=1, chapters=0)
    client.force_login(users["coordinator_a"])
    form = edit_form(client, page)
    fields = {**form.pressing("action-submit"), "title": "Guia enviada de nou"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), fields)
    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    assert page.get_latest_revision().content["title"] == "Guia enviada de nou"


def test_a_slug_a_sibling_has_is_refused_and_nothing_submitted(client, users):
    section = group_page(GROUP_A)
    a_guide(section, "germana", tags=1, files=1, chapters=0)
    page = a_guide(section, "propia", tags=1, files=1, chapters=0)
    latest = page.latest_revision_id
    client.force_login(users["coordinator_a"])
    form = edit_form(client, page)
    fields = {**form.pressing("action-submit"), "slug": "germana"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), fields)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    page = Page.objects.get(pk=page.pk)
    assert page.latest_revision_id == latest
    assert not page.workflow_in_progress
