"""A coordinator cannot delete, or replace the file of, a document or image that live pages
use; the secretariat can, after a warning naming those pages. Every admin path is covered:
the delete view, the edit view, the multiple-upload page and the bulk action."""

from dataclasses import dataclass

import pytest

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file

from .live_files import document, guide, image, publish_translation, user

pytestmark = pytest.mark.django_db

CA_TITLE = "Guia amb el fitxer"
ES_TITLE = "Guia con el archivo"


@dataclass
class Kind:
    """What differs between documents and images in the admin."""

    make: object
    use: object  # the guide's keyword arguments that use the file
    admin: str  # Wagtail's URL namespace
    extra_fields: dict

    def url(self, name, obj):
        return reverse(f"{self.admin}:{name}", args=[obj.pk])

    def bulk_delete_url(self, *objects):
        opts = type(objects[0])._meta
        ids = "&".join(f"id={obj.pk}" for obj in objects)
        url = reverse("wagtail_bulk_action", args=[opts.app_label, opts.model_name, "delete"])
        return f"{url}?{ids}&next=/admin/"

    def edit_data(self, obj, **fields):
        return {"title": obj.title, "collection": obj.collection_id, "tags": "", **fields}

    def new_file(self):
        if self.admin == "wagtaildocs":
            return SimpleUploadedFile("nova.txt", b"Una altra versio.", "text/plain")
        png = get_test_image_file("nova.png", colour="red")
        return SimpleUploadedFile("nova.png", png.file.getvalue(), "image/png")


KINDS = {
    "document": Kind(
        document,
        lambda item: {"files": [item]},
        "wagtaildocs",
        {"description": "", "language": ""},
    ),
    "image": Kind(
        image,
        lambda item: {"cover": item},
        "wagtailimages",
        {"description": "", **dict.fromkeys(["focal_point_x", "focal_point_y"], "")},
    ),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request):
    return KINDS[request.param]


@pytest.fixture
def coordinator():
    return user("coord-habitatge")


@pytest.fixture
def used_file(kind, coordinator):
    """The coordinator's upload, used by a guide published in Catalan and in Spanish."""
    item = kind.make("Fitxer de la guia", owner=coordinator)
    page = guide(CA_TITLE, "guia-amb-el-fitxer", **kind.use(item))
    publish_translation(page, ES_TITLE)
    return item


def still_exists(item):
    return type(item).objects.filter(pk=item.pk).exists()


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def names_both_pages(text):
    return f"“{CA_TITLE}” (ca)" in text and f"“{ES_TITLE}” (es)" in text


# --- Deleting -------------------------------------------------------------------------------


def test_a_coordinator_deletes_a_file_of_their_group_that_only_a_draft_uses(
    client, kind, coordinator
):
    item = kind.make("Fitxer d'un esborrany", owner=coordinator)
    guide("Esborrany", "esborrany", live=False, owner=coordinator, **kind.use(item))
    client.force_login(coordinator)

    response = client.post(kind.url("delete", item))

    assert response.status_code == 302
    assert not still_exists(item)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_coordinator_cannot_delete_a_file_that_live_pages_use(
    client, kind, coordinator, used_file, method
):
    client.force_login(coordinator)
    assert client.get(kind.url("edit", used_file)).status_code == 200

    response = getattr(client, method)(kind.url("delete", used_file))

    assert response.status_code == 302
    assert response["Location"] == kind.url("edit", used_file)
    assert names_both_pages(messages_of(response))
    assert still_exists(used_file)


def test_the_secretariat_is_warned_which_live_pages_use_a_file_then_deletes_it(
    client, kind, used_file
):
    client.force_login(user("secretaria"))

    confirmation = client.get(kind.url("delete", used_file))
    assert confirmation.status_code == 200
    assert names_both_pages(messages_of(confirmation))

    assert client.post(kind.url("delete", used_file)).status_code == 302
    assert not still_exists(used_file)


def test_another_groups_coordinator_gets_permission_denied_without_the_page_list(
    client, kind, used_file
):
    client.force_login(user("coord-cures"))

    response = client.get(kind.url("delete", used_file))

    # Wagtail's answer: back to the dashboard with "you do not have permission".
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert CA_TITLE not in messages_of(response)
    assert still_exists(used_file)


# --- Replacing the file, editing the rest ---------------------------------------------------


def test_a_coordinator_still_retitles_a_file_that_live_pages_use(
    client, kind, coordinator, used_file
):
    client.force_login(coordinator)
    data = kind.edit_data(used_file, **kind.extra_fields, title="Títol nou")

    response = client.post(kind.url("edit", used_file), data)

    assert response.status_code == 302
    used_file.refresh_from_db()
    assert used_file.title == "Títol nou"


def test_a_coordinator_cannot_replace_the_file_that_live_pages_use(
    client, kind, coordinator, used_file
):
    client.force_login(coordinator)
    stored = used_file.file.name
    data = kind.edit_data(used_file, **kind.extra_fields, file=kind.new_file())

    response = client.post(kind.url("edit", used_file), data)

    assert response.status_code == 403
    assert names_both_pages(response.content.decode())
    used_file.refresh_from_db()
    assert used_file.file.name == stored


def test_the_secretariat_replaces_the_file_that_live_pages_use(client, kind, used_file):
    client.force_login(user("secretaria"))
    assert names_both_pages(messages_of(client.get(kind.url("edit", used_file))))
    stored = used_file.file.name
    data = kind.edit_data(used_file, **kind.extra_fields, file=kind.new_file())

    response = client.post(kind.url("edit", used_file), data)

    assert response.status_code == 302
    used_file.refresh_from_db()
    assert used_file.file.name != stored


# --- The multiple-upload page and the bulk action -------------------------------------------


def test_the_multiple_upload_delete_refuses_a_file_that_live_pages_use(
    client, kind, coordinator, used_file
):
    unused = kind.make("Fitxer sense ús", owner=coordinator)
    client.force_login(coordinator)
    assert client.post(kind.url("delete_multiple", unused)).json()["success"] is True

    response = client.post(kind.url("delete_multiple", used_file))

    assert response.status_code == 403
    assert names_both_pages(response.json()["error_message"])
    assert still_exists(used_file)


def test_a_coordinators_bulk_delete_spares_files_that_live_pages_use(
    client, kind, coordinator, used_file
):
    unused = kind.make("Fitxer sense ús", owner=coordinator)
    client.force_login(coordinator)
    url = kind.bulk_delete_url(used_file, unused)

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert names_both_pages(messages_of(confirmation))

    assert client.post(url).status_code == 302
    assert not still_exists(unused)
    assert still_exists(used_file)


def test_the_secretariats_bulk_delete_warns_then_deletes_files_that_live_pages_use(
    client, kind, used_file
):
    client.force_login(user("secretaria"))
    url = kind.bulk_delete_url(used_file)

    assert names_both_pages(messages_of(client.get(url)))

    assert client.post(url).status_code == 302
    assert not still_exists(used_file)
