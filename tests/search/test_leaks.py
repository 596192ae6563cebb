"""Nothing unpublished, private, expired or in a restricted collection is ever found."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

pytestmark = pytest.mark.django_db


def titles(client, query):
    found = [
        hit["title"]
        for hit in client.get("/api/search/", {"q": query, "lang": "all"}).json()["results"]
    ]
    suggested = [
        s["title"] for s in client.get("/api/search/suggest/", {"q": query}).json()["suggestions"]
    ]
    return found + suggested


def test_a_draft_page_is_not_found(client, publish):
    publish("Esborrany secretparaula", "secretparaula", live=False)
    assert titles(client, "secretparaula") == []


def test_an_unpublished_page_leaves_the_results(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Retirada unpubparaula", "unpubparaula")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert titles(client, "unpubparaula") == []


def test_a_private_page_and_its_children_are_not_found(client, publish):
    parent = publish("Privada privparaula", "privparaula")
    publish("Filla privparaula", "privparaula", parent=parent)
    PageViewRestriction.objects.create(page=parent, restriction_type="login")
    assert titles(client, "privparaula") == []


def test_an_expired_page_is_not_found(client, publish):
    page = publish("Caducada expiparaula", "expiparaula")
    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert titles(client, "expiparaula") == []


def test_a_document_in_a_restricted_collection_is_not_found_nor_its_text_via_a_page(
    client, publish, upload, django_capture_on_commit_callbacks
):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Privada de prova")
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = upload("Fitxer confidencial", "text confidencialparaula", collection=private)
    publish("Pàgina pública", "introducció", documents=[document])
    assert titles(client, "confidencialparaula") == []
