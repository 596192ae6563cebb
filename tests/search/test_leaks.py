"""Nothing unpublished, private, expired or in a restricted collection is ever found.

Each test first shows the thing is found while it is public, then that it is
not once it is not: an empty index would fail them.
"""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

pytestmark = pytest.mark.django_db


def titles(client, query):
    """Titles the search and the autocomplete give for ``query`` (every language)."""
    search = client.get("/api/search/", {"q": query, "lang": "all"})
    suggest = client.get("/api/search/suggest/", {"q": query})
    assert search.status_code == suggest.status_code == 200
    found = [hit["title"] for hit in search.json()["results"]]
    return found + [s["title"] for s in suggest.json()["suggestions"]]


def republish(page, django_capture_on_commit_callbacks, text, *, publish=True):
    """A new revision of ``page`` whose body is ``text`` only; published, or left a draft."""
    page.body = [("paragraph", f"<p>{text}</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        if publish:
            revision.publish()


def test_a_draft_revisions_words_are_not_found_until_it_is_published(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Pàgina amb esborrany", "vellaparaula")
    assert page.title in titles(client, "vellaparaula")
    republish(page, django_capture_on_commit_callbacks, "secretparaula", publish=False)
    assert page.title in titles(client, "vellaparaula"), "the live text is still found"
    assert titles(client, "secretparaula") == []
    republish(page, django_capture_on_commit_callbacks, "secretparaula")
    assert page.title in titles(client, "secretparaula")


def test_a_page_never_published_is_not_found_until_it_is(
    client, publish, django_capture_on_commit_callbacks
):
    draft = publish("Esborrany nouparaula", "nouparaula", live=False)
    other = publish("Una altra nouparaula", "nouparaula")
    found = titles(client, "nouparaula")
    assert other.title in found, "the word is found..."
    assert draft.title not in found, "...but not in the draft"
    with django_capture_on_commit_callbacks(execute=True):
        draft.get_latest_revision().publish()
    assert draft.title in titles(client, "nouparaula")


def test_an_unpublished_page_leaves_the_results(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Retirada unpubparaula", "unpubparaula")
    assert page.title in titles(client, "unpubparaula")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert titles(client, "unpubparaula") == []


def test_a_private_page_and_its_children_are_not_found(
    client, publish, django_capture_on_commit_callbacks
):
    parent = publish("Privada privparaula", "privparaula")
    child = publish("Filla privparaula", "privparaula", parent=parent)
    assert {parent.title, child.title} <= set(titles(client, "privparaula"))
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=parent, restriction_type="login")
    assert titles(client, "privparaula") == []


def test_an_expired_page_is_not_found(client, publish):
    page = publish("Caducada expiparaula", "expiparaula")
    assert page.title in titles(client, "expiparaula")
    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert titles(client, "expiparaula") == []


def test_a_live_child_of_an_unpublished_section_is_not_found(
    client, publish, django_capture_on_commit_callbacks
):
    section = publish("Secció seccioparaula", "introducció")
    child = publish("Filla viva", "seccioparaula", parent=section)
    assert child.title in titles(client, "seccioparaula")
    with django_capture_on_commit_callbacks(execute=True):
        section.unpublish()
    child.refresh_from_db()
    assert child.live, "the child stays live; its section hides it"
    assert titles(client, "seccioparaula") == []


def test_a_document_in_a_restricted_collection_is_not_found_nor_its_text_via_a_page(
    client, publish, upload, django_capture_on_commit_callbacks
):
    private = Collection.get_first_root_node().add_child(name="Privada de prova")
    document = upload("Fitxer confidencial", "text confidencialparaula", collection=private)
    page = publish("Pàgina pública", "introducció", documents=[document])
    assert {page.title, document.title} <= set(titles(client, "confidencialparaula"))
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    assert titles(client, "confidencialparaula") == []


def test_a_file_no_page_uses_any_more_is_not_found(
    client, publish, upload, django_capture_on_commit_callbacks
):
    document = upload("Fitxer solt", "Text amb soltparaula.")
    page = publish("Pàgina que l'usa", "introducció", documents=[document])
    assert set(titles(client, "soltparaula")) == {page.title, document.title}
    republish(page, django_capture_on_commit_callbacks, "introducció sense fitxer")
    assert titles(client, "soltparaula") == []


def test_the_file_of_a_page_back_to_draft_is_not_found(
    client, publish, upload, django_capture_on_commit_callbacks
):
    document = upload("Fitxer d'esborrany", "Text amb esbparaula.")
    page = publish("Pàgina amb fitxer", "introducció", documents=[document])
    assert document.title in titles(client, "esbparaula")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert titles(client, "esbparaula") == []


def test_a_file_used_only_by_a_private_page_is_not_found(
    client, publish, upload, django_capture_on_commit_callbacks
):
    document = upload("Fitxer intern", "Text amb internparaula.")
    page = publish("Pàgina interna", "introducció", documents=[document])
    assert document.title in titles(client, "internparaula")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert titles(client, "internparaula") == []
