"""What is public: one answer for listings, the sitemap and page serving."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from groups.models import WorkingGroupPage
from knowledge.models import GuidePage
from publishing.visibility import hidden_pages, is_page_public, is_page_published, public_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def housing_section():
    return WorkingGroupPage.objects.get(locale__language_code="ca", slug="habitatge-cooperatiu")


@pytest.fixture
def housing_guide(housing_section):
    guide = GuidePage.objects.live().descendant_of(housing_section).first()
    assert guide is not None, "the demo's housing group publishes a guide"
    return guide


def _sitemap(client):
    return client.get("/sitemap.xml").content.decode()


def test_a_live_page_in_a_published_section_is_public_everywhere(client, housing_guide):
    assert public_pages().filter(pk=housing_guide.pk).exists()
    assert is_page_public(housing_guide)
    assert client.get(housing_guide.url).status_code == 200
    assert housing_guide.full_url in _sitemap(client)


def test_unpublishing_a_section_hides_the_live_pages_inside_it(
    client, housing_section, housing_guide
):
    url, full_url = housing_guide.url, housing_guide.full_url
    assert client.get(url).status_code == 200

    housing_section.unpublish()
    housing_guide.refresh_from_db()

    assert housing_guide.live, "the guide itself stays live; its section hides it"
    assert not is_page_published(housing_guide)
    assert not public_pages().filter(pk=housing_guide.pk).exists()
    assert client.get(url).status_code == 404
    assert full_url not in _sitemap(client)


def test_editors_still_see_a_live_page_of_an_unpublished_section(
    client, housing_section, housing_guide
):
    housing_section.unpublish()
    client.force_login(get_user_model().objects.get(username="secretaria"))
    assert client.get(housing_guide.url).status_code == 200


def test_a_private_page_is_published_but_not_public(client, housing_guide):
    assert is_page_public(housing_guide)
    PageViewRestriction.objects.create(
        page=housing_guide, restriction_type=PageViewRestriction.LOGIN
    )
    assert is_page_published(housing_guide)
    assert not is_page_public(housing_guide)
    assert not public_pages().filter(pk=housing_guide.pk).exists()
    assert housing_guide.full_url not in _sitemap(client)
    # Wagtail still asks the visitor to sign in rather than pretending it is gone.
    assert client.get(housing_guide.url).status_code == 302


def test_the_root_is_never_public():
    root = Page.get_first_root_node()
    assert root.live
    assert not public_pages().filter(pk=root.pk).exists()


def _ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_hidden_pages_are_exactly_the_pages_public_pages_leaves_out(housing_section, housing_guide):
    """``hidden_pages`` (which the search excludes) is the complement of ``public_pages``,
    whatever hides a page: its section, a view restriction, its own window, being the root."""
    every_page = _ids(Page.objects.all())
    assert _ids(hidden_pages()) == every_page - _ids(public_pages())
    assert housing_guide.pk not in _ids(hidden_pages())

    housing_section.unpublish()
    private, scheduled, expired = (
        Page.objects.live().public().filter(depth__gt=2).exclude(pk__in=_ids(hidden_pages()))
    ).exclude(path__startswith=housing_section.path)[:3]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    now = timezone.now()
    Page.objects.filter(pk=scheduled.pk).update(go_live_at=now + datetime.timedelta(days=1))
    Page.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(days=1))

    hidden = _ids(hidden_pages())
    assert hidden == every_page - _ids(public_pages())
    assert {housing_section.pk, housing_guide.pk, private.pk, scheduled.pk, expired.pk} <= hidden
    assert Page.get_first_root_node().pk in hidden
