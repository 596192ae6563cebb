"""*Settings › Public collections* belongs to the secretariat: publishing a collection makes
the files in it public, even those no page uses."""

import pytest

from django.urls import reverse

from wagtail.models import Collection

from publishing.models import PublicCollection

from .live_files import CARE, document, group_collection, user

pytestmark = pytest.mark.django_db

INDEX = reverse("public_collections:index")
ADD = reverse("public_collections:add")


def test_the_secretariat_reaches_public_collections_and_a_coordinator_is_refused(client):
    client.force_login(user("secretaria"))
    assert client.get(INDEX).status_code == 200
    assert client.get(ADD).status_code == 200

    client.force_login(user("coord-cures"))
    for url in (INDEX, ADD):
        # Wagtail's "permission denied": a 403 to scripts, the dashboard and a message to people.
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
        assert denied(client.get(url))
    assert denied(client.post(ADD, {"collection": group_collection(CARE).pk, "note": ""}))
    assert not PublicCollection.objects.exists()


def denied(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_a_file_in_a_collection_the_secretariat_publishes_downloads_anonymously(client):
    press_kit = document("Dossier de premsa", collection=group_collection(CARE))
    assert client.get(press_kit.url).status_code == 404, "attached to nothing, not public yet"
    client.force_login(user("secretaria"))

    response = client.post(ADD, {"collection": press_kit.collection_id, "note": "Premsa 2024"})

    assert response.status_code == 302
    client.logout()
    assert client.get(press_kit.url).status_code == 200
    listed = client.get("/api/v2/documents/?limit=100").json()["items"]
    assert press_kit.pk in {item["id"] for item in listed}


def test_the_root_collection_cannot_be_published(client):
    client.force_login(user("secretaria"))
    assert client.post(ADD, {"collection": group_collection(CARE).pk}).status_code == 302

    response = client.post(ADD, {"collection": Collection.get_first_root_node().pk})

    assert response.status_code == 200
    assert "collection" in response.context["form"].errors
    assert PublicCollection.objects.count() == 1
