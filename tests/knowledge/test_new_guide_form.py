"""A new guide starts from what an editor expects; a draft needs only a title and a summary."""

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from knowledge.models import GuidePage
from tests.groups.conftest import GROUP_A, group_page
from tests.groups.edit_form import add_form

pytestmark = pytest.mark.django_db

TITLE = "Guia de masoveria urbana"


@pytest.fixture
def coordinator(client):
    assert client.login(username="coord-habitatge", password="habitatge-demo")
    return client


def new_guide_url():
    return reverse(
        "wagtailadmin_pages:add", args=["knowledge", "guidepage", group_page(GROUP_A).pk]
    )


def with_title_and_summary(form):
    return {
        **form.fields,
        "title": [TITLE],
        "slug": ["guia-de-masoveria-urbana"],
        "summary": ["Per als ajuntaments."],
    }


def test_a_new_guide_starts_as_a_guide_in_preparation_planned_for_this_year(coordinator):
    fields = add_form(coordinator, new_guide_url()).fields
    assert fields["kind"] == ["guide"]
    assert fields["edition_status"] == ["in_preparation"]
    assert fields["planned_year"] == [str(timezone.localdate().year)]


def test_a_draft_with_only_title_and_summary_is_saved(coordinator):
    form = add_form(coordinator, new_guide_url())
    data = with_title_and_summary(form)
    data.update(kind=[""], planned_year=[""], edition_status=["published"])
    response = coordinator.post(form.url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert GuidePage.objects.get(title=TITLE).has_unpublished_changes


def test_submitting_title_and_summary_reaches_the_secretariat(coordinator):
    form = add_form(coordinator, new_guide_url())
    response = coordinator.post(form.url, {**with_title_and_summary(form), "action-submit": ["1"]})
    assert response.status_code == 302, response.context["form"].errors
    page = Page.objects.get(title=TITLE)
    assert page.current_workflow_state.status == "in_progress"


def test_submitting_still_asks_for_what_publishing_needs(coordinator):
    form = add_form(coordinator, new_guide_url())
    data = {**with_title_and_summary(form), "planned_year": [""], "action-submit": ["1"]}
    response = coordinator.post(form.url, data)
    assert response.status_code == 200
    assert "planned_year" in response.context["form"].errors
