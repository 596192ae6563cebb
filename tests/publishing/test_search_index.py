"""The public search follows publishing's one announcement, whatever the order of events.

Every writer (publishing, moves, deletions, uploads, the end of a file's text
extraction) reaches the search through ``public_content_changed``; a rebuild
gives the same answers as the announcements did.
"""

import pytest

from django.core.management import call_command

from wagtail.search.models import IndexEntry

from documents.indexing import extract_and_store
from tests.search.conftest import new_document, publish_fixture, upload_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    return client.get("/api/search/", {"q": query, **params}).json()


def found(client, query):
    return {hit["title"]: hit for hit in search(client, query)["results"]}


def test_a_word_in_a_file_read_after_the_page_was_published_is_found_via_page_and_file(
    client, publish, django_capture_on_commit_callbacks
):
    # Saved outside a commit: its text is not read yet, as when the worker is behind.
    document = new_document("Annex tardà", "El text parla de tardaparaula.")
    assert document.extraction_status == "pending"
    page = publish("Guia amb annex tardà", "Text amb guiatardaparaula.", documents=[document])
    assert page.title in found(client, "guiatardaparaula")
    assert found(client, "tardaparaula") == {}

    with django_capture_on_commit_callbacks(execute=True):
        extract_and_store(document)

    hits = found(client, "tardaparaula")
    assert set(hits) == {page.title, document.title}
    assert hits[page.title]["matched_files"] == [{"title": document.title, "url": document.url}]


def test_a_word_in_a_file_read_before_the_page_is_published_is_found_once_it_is(
    client, publish, upload
):
    document = upload("Annex llegit", "El text parla de primerparaula.")
    assert found(client, "primerparaula") == {}, "no public page uses the file yet"

    page = publish("Guia amb annex llegit", "Introducció.", documents=[document])

    assert set(found(client, "primerparaula")) == {page.title, document.title}


def test_saving_a_draft_announces_nothing(client, publish):
    page = publish("Pàgina viva", "Text publicat vivaparaula.")
    page.body = [("paragraph", "<p>Canvi en esborrany draftparaula.</p>")]
    page.save_revision()
    assert page.title in found(client, "vivaparaula")
    assert found(client, "draftparaula") == {}


def test_a_moved_page_is_found_at_its_new_url(client, publish, django_capture_on_commit_callbacks):
    section = publish("Nova secció", "Text de la secció.")
    page = publish("Pàgina mòbil", "Text amb mobilparaula.")
    assert found(client, "mobilparaula")[page.title]["url"] == page.url

    with django_capture_on_commit_callbacks(execute=True):
        page.move(section, pos="last-child")
    page.refresh_from_db()

    assert page.url.startswith(section.url)
    assert found(client, "mobilparaula")[page.title]["url"] == page.url


def test_a_deleted_file_leaves_the_results(
    client, publish, upload, django_capture_on_commit_callbacks
):
    document = upload("Annex esborrat", "Text amb esborratparaula.")
    page = publish("Guia amb annex esborrat", "Text amb guiaparaula.", documents=[document])
    assert set(found(client, "esborratparaula")) == {page.title, document.title}

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert found(client, "esborratparaula") == {}
    assert page.title in found(client, "guiaparaula"), "the page itself stays"


def test_unpublishing_a_section_hides_its_children(
    client, publish, django_capture_on_commit_callbacks
):
    section = publish("Secció retirada", "Text de la secció.")
    child = publish("Filla de la secció", "Text amb fillaparaula.", parent=section)
    assert child.title in found(client, "fillaparaula")

    with django_capture_on_commit_callbacks(execute=True):
        section.unpublish()

    assert found(client, "fillaparaula") == {}


def test_a_rebuild_answers_as_the_announcements_did(client, publish, upload):
    document = upload("Annex de reconstrucció", "Text amb rebuildparaula.")
    publish("Pàgina de reconstrucció", "Text amb rebuildparaula.", documents=[document])
    before = search(client, "rebuildparaula")
    assert before["total"] == 2

    call_command("rebuild_search_index", verbosity=0)

    after = search(client, "rebuildparaula")
    assert after["total"] == before["total"]
    assert after["results"] == before["results"]


def test_the_public_search_does_not_read_wagtails_index(client, publish):
    page = publish("Pàgina pròpia", "Text amb propiaparaula.")
    assert IndexEntry.objects.exists()

    IndexEntry.objects.all().delete()

    assert page.title in found(client, "propiaparaula")
