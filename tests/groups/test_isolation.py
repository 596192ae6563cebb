"""Coordinator A cannot reach group B's pages or files, whatever admin URL is typed."""

import pytest

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageLogEntry

from .conftest import GROUP_A, GROUP_B, collection_of, group_page, text_file

pytestmark = pytest.mark.django_db

SECRET = "Esborrany confidencial de cures"


@pytest.fixture
def group_b_content(sections, users):
    """A draft guide, a document and an image that belong to group B."""
    draft = sections["group_b"].add(SECRET, "esborrany-confidencial", owner=users["coordinator_b"])
    draft.save_revision(user=users["coordinator_b"])
    collection = collection_of(group_page(GROUP_B))
    document = get_document_model().objects.create(
        title=f"{SECRET} (document)", file=text_file("intern.txt"), collection=collection
    )
    image = get_image_model().objects.create(
        title=f"{SECRET} (imatge)", file=get_test_image_file("interna.png"), collection=collection
    )
    return {"page": draft, "group": group_page(GROUP_B), "document": document, "image": image}


def page_urls(page, group):
    revision = page.latest_revision
    return [
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[group.pk]),
        reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", group.pk]),
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
        reverse("wagtailadmin_pages:move", args=[page.pk]),
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:usage", args=[page.pk]),
    ]


def media_urls(document, image):
    collection = document.collection
    return [
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
        reverse("wagtaildocs:document_usage", args=[document.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtailimages:image_usage", args=[image.pk]),
        reverse("wagtailimages:url_generator", args=[image.pk]),
        reverse("wagtailimages_chooser:chosen", args=[image.pk]),
        reverse("wagtailimages_chooser:select_format", args=[image.pk]),
        reverse("wagtailadmin_collections:edit", args=[collection.pk]),
        reverse("wagtailadmin_collections:delete", args=[collection.pk]),
        reverse("wagtailadmin_collections:set_privacy", args=[collection.pk]),
    ]


def listing_urls(group, collection):
    # Wagtail's explorer opens any page above or beside one's own section (it is public),
    # but lists only the pages one may work on.
    return [
        reverse("wagtailadmin_explore", args=[group.pk]),
        f"{reverse('wagtaildocs:index')}?collection_id={collection.pk}",
        f"{reverse('wagtaildocs_chooser:choose')}?collection_id={collection.pk}",
        f"{reverse('wagtailimages:index')}?collection_id={collection.pk}",
        f"{reverse('wagtailimages_chooser:choose')}?collection_id={collection.pk}",
        f"{reverse('wagtailadmin_pages:search')}?q=confidencial",
        f"{reverse('wagtailadmin_pages:search_results')}?q=confidencial",
    ]


def test_no_admin_url_shows_group_b_pages_to_coordinator_a(group_b_content, users, login):
    client = login(users["coordinator_a"])
    for url in page_urls(group_b_content["page"], group_b_content["group"]):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert SECRET not in response.content.decode(), url


def test_no_admin_url_shows_group_b_files_to_coordinator_a(group_b_content, users, login):
    client = login(users["coordinator_a"])
    for url in media_urls(group_b_content["document"], group_b_content["image"]):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert SECRET not in response.content.decode(), url


def test_listings_and_choosers_leave_out_group_b_items_for_coordinator_a(
    group_b_content, users, login
):
    client = login(users["coordinator_a"])
    for url in listing_urls(group_b_content["group"], group_b_content["document"].collection):
        response = client.get(url)
        assert response.status_code < 500, url
        assert SECRET not in response.content.decode(), url


def test_the_same_urls_work_for_group_b_own_coordinator(group_b_content, users, login):
    # The denials above come from permissions, not from broken URLs.
    client = login(users["coordinator_b"])
    page = group_b_content["page"]
    for url in [
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtaildocs:edit", args=[group_b_content["document"].pk]),
        reverse("wagtailimages:edit", args=[group_b_content["image"].pk]),
    ]:
        assert client.get(url).status_code == 200, url
    for url in listing_urls(group_b_content["group"], group_b_content["document"].collection)[:3]:
        assert SECRET in client.get(url).content.decode(), url


def test_posting_to_group_b_urls_changes_nothing(group_b_content, users, login):
    client = login(users["coordinator_a"])
    page, document, image = (
        group_b_content["page"],
        group_b_content["document"],
        group_b_content["image"],
    )
    destination = group_page(GROUP_A)
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Còpia", "new_slug": "copia", "new_parent_page": destination.pk},
    )
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Canviat", "collection": document.collection_id},
    )
    page = Page.objects.get(pk=page.pk)
    assert page.get_parent().pk == group_b_content["group"].pk and not page.locked
    assert not Page.objects.filter(slug="copia").exists()
    assert get_document_model().objects.get(pk=document.pk).title == document.title
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert not PageLogEntry.objects.filter(page=page, user=users["coordinator_a"]).exists()


def test_coordinator_a_cannot_upload_into_group_b_collection(users, login):
    client = login(users["coordinator_a"])
    collection_b = collection_of(group_page(GROUP_B))
    client.post(
        reverse("wagtaildocs:add"),
        {"title": "Intrús", "file": text_file(), "collection": collection_b.pk},
    )
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Intrusa",
            "file": get_test_image_file("intrusa.png"),
            "collection": collection_b.pk,
        },
    )
    assert not get_document_model().objects.filter(collection=collection_b, title="Intrús").exists()
    assert not get_image_model().objects.filter(collection=collection_b, title="Intrusa").exists()
