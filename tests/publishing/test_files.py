"""Files are public only through a public page or a published collection: downloads, image
originals and the API all say so; editors who may change a file still get it."""

import pytest

from django.urls import reverse

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from home.models import StandardPage
from publishing.visibility import files_used_by, pages_using
from tests.documents.live_files import CARE, document, group_page, guide, image, user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def coordinator():
    return user("coord-habitatge")


def api_ids(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?limit=100")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def original_url(item):
    return f"/media/{item.file.name}"


# --- Downloads ------------------------------------------------------------------------------


def test_a_file_downloads_while_its_page_is_published_and_not_after(client, coordinator):
    acta = document("Acta publicada", owner=coordinator)
    page = guide("Guia publicada", "guia-publicada", files=[acta])
    response = client.get(acta.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Acta publicada: text of the file."

    page.unpublish()

    assert client.get(acta.url).status_code == 404


def test_a_drafts_file_is_not_downloadable_until_the_draft_is_published(client, coordinator):
    published = document("Acta de la guia publicada", owner=coordinator)
    guide("Guia publicada", "guia-publicada", files=[published])
    drafted = document("Acta de l'esborrany", owner=coordinator)
    draft = guide("Esborrany", "esborrany", files=[drafted], live=False, owner=coordinator)
    assert client.get(published.url).status_code == 200

    assert client.get(drafted.url).status_code == 404

    draft.get_latest_revision().publish()
    assert client.get(drafted.url).status_code == 200


def test_a_file_attached_to_nothing_is_not_downloadable(client, coordinator):
    used = document("Acta adjunta", owner=coordinator)
    guide("Guia", "guia", files=[used])
    unattached = document("Acta solta", owner=user("coord-cures"), name="solta.txt")
    assert client.get(used.url).status_code == 200

    assert client.get(unattached.url).status_code == 404


def test_a_file_used_only_by_a_private_page_is_not_downloadable(client, coordinator):
    acta = document("Acta", owner=coordinator)
    page = guide("Guia", "guia", files=[acta])
    assert client.get(acta.url).status_code == 200

    PageViewRestriction.objects.create(page=page, restriction_type="login")

    assert client.get(acta.url).status_code == 404


def test_editors_who_may_change_a_file_still_download_it_from_a_draft(client, coordinator):
    acta = document("Acta de l'esborrany", owner=coordinator)
    guide("Esborrany", "esborrany", files=[acta], live=False, owner=coordinator)
    client.force_login(coordinator)
    assert client.get(acta.url).status_code == 200

    client.force_login(user("coord-cures"))  # no rights on the housing group's files
    assert client.get(acta.url).status_code == 404
    client.logout()
    assert client.get(acta.url).status_code == 404


def test_a_file_in_a_login_restricted_collection_keeps_wagtails_login_check(client, coordinator):
    acta = document("Acta interna", owner=coordinator)
    guide("Guia", "guia", files=[acta])
    assert client.get(acta.url).status_code == 200

    CollectionViewRestriction.objects.create(collection=acta.collection, restriction_type="login")

    response = client.get(acta.url)
    assert response.status_code == 302 and reverse("wagtailcore_login") in response["Location"]
    client.force_login(user("coord-cures"))
    assert client.get(acta.url).status_code == 200


# --- Image originals and renditions -----------------------------------------------------------


def test_an_image_original_is_served_only_while_a_public_page_uses_it(client, coordinator):
    cover = image("Portada", owner=coordinator)
    page = guide("Guia amb portada", "guia-amb-portada", cover=cover)
    response = client.get(original_url(cover))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"

    page.unpublish()

    assert client.get(original_url(cover)).status_code == 404
    client.force_login(coordinator)
    assert client.get(original_url(cover)).status_code == 200


def test_an_unknown_original_is_a_404(client):
    assert client.get("/media/original_images/no-such-file.png").status_code == 404


def test_public_pages_show_renditions_never_originals(client, home_pages):
    photo = image("Assemblea", name="assemblea.png")
    page = StandardPage(
        title="Pàgina amb imatge",
        slug="pagina-amb-imatge",
        body=[("image", {"image": photo, "alt_text": "Assemblea", "decorative": False})],
    )
    home_pages["ca"].add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "/media/images/assemblea" in html
    assert "original_images" not in html


# --- The API --------------------------------------------------------------------------------


def test_the_documents_api_lists_and_details_only_public_files(client, coordinator):
    public = document("Acta pública", owner=coordinator)
    guide("Guia", "guia", files=[public])
    drafted = document("Acta de l'esborrany", owner=coordinator)
    guide("Esborrany", "esborrany", files=[drafted], live=False, owner=coordinator)
    unattached = document("Acta solta", owner=user("coord-cures"), name="solta.txt")

    listed = api_ids(client, "documents")
    assert public.pk in listed
    assert client.get(f"/api/v2/documents/{public.pk}/").status_code == 200

    assert drafted.pk not in listed and unattached.pk not in listed
    assert client.get(f"/api/v2/documents/{drafted.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{unattached.pk}/").status_code == 404


def test_the_images_api_lists_and_details_only_public_images(client, coordinator):
    public = image("Portada pública", owner=coordinator)
    guide("Guia", "guia", cover=public)
    drafted = image("Portada de l'esborrany", owner=coordinator, name="esborrany.png")
    guide("Esborrany", "esborrany", cover=drafted, live=False, owner=coordinator)

    listed = api_ids(client, "images")
    assert public.pk in listed
    detail = client.get(f"/api/v2/images/{public.pk}/").json()
    assert detail["meta"]["download_url"].endswith(original_url(public))

    assert drafted.pk not in listed
    assert client.get(f"/api/v2/images/{drafted.pk}/").status_code == 404


def test_the_pages_api_hides_live_pages_of_an_unpublished_section(client):
    section = group_page(CARE)
    page = guide("Guia de cures", "guia-de-cures", parent=section)
    assert page.pk in api_ids(client, "pages")

    section.unpublish()
    page.refresh_from_db()

    assert page.live, "the guide itself stays live; its section hides it"
    assert page.pk not in api_ids(client, "pages")
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/?child_of={section.pk}").status_code in (400, 404)


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_the_api_search_is_a_clear_400(client, endpoint):
    assert client.get(f"/api/v2/{endpoint}/").status_code == 200

    response = client.get(f'/api/v2/{endpoint}/?search="')

    assert response.status_code == 400
    assert response.json() == {"message": "search is disabled"}


def test_which_files_a_page_uses_is_the_inverse_of_which_pages_use_a_file(coordinator):
    first, second = document("Acta u", owner=coordinator), document("Acta dos", owner=coordinator)
    both = guide("Guia amb dues actes", "guia-dues-actes", files=[first, second])
    one = guide("Guia amb una acta", "guia-una-acta", files=[second], live=False)
    used = files_used_by([both, one], type(first))
    assert used == {both.pk: {first.pk, second.pk}, one.pk: {second.pk}}
    assert set(pages_using(second).values_list("pk", flat=True)) == {both.pk, one.pk}
