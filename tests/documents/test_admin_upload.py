"""Uploading and replacing files through Wagtail's admin, as the secretariat does.

The text is extracted in a django-tasks task enqueued when the upload commits;
the test settings run tasks immediately, and ``django_capture_on_commit_callbacks``
runs the commit hooks inside the test's transaction.
"""

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

from documents.indexing import extract_and_store

from .conftest import corrupt_pdf, encrypted_pdf, large_pdf, pdf_with_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    assert client.login(username="secretaria", password="secretaria-demo")
    return client


def upload(client, capture, filename, data, title):
    with capture(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": title,
                "file": SimpleUploadedFile(filename, data, "application/pdf"),
                "collection": 1,
                "tags": "",
            },
        )
    return response


def test_a_pdf_uploaded_in_the_admin_gets_its_text(secretariat, django_capture_on_commit_callbacks):
    response = upload(
        secretariat,
        django_capture_on_commit_callbacks,
        "guia.pdf",
        pdf_with_text("La paraula clau és ecofeminisme."),
        "Guia de prova",
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Guia de prova")
    assert document.extraction_status == "extracted"
    assert "ecofeminisme" in document.extracted_text


def test_an_uploaded_document_is_found_by_the_words_inside_its_file(
    secretariat, django_capture_on_commit_callbacks
):
    upload(
        secretariat,
        django_capture_on_commit_callbacks,
        "guia.pdf",
        pdf_with_text("Parlem de sobirania alimentària."),
        "Document sense pistes al títol",
    )
    results = get_document_model().objects.search("sobirania")
    assert [document.title for document in results] == ["Document sense pistes al títol"]


@pytest.mark.parametrize(
    "make_file, expected_status",
    [(corrupt_pdf, "no_text"), (encrypted_pdf, "no_text"), (large_pdf, "too_large")],
    ids=["corrupt", "encrypted", "50 MB"],
)
def test_bad_pdfs_upload_without_a_server_error(
    secretariat, django_capture_on_commit_callbacks, make_file, expected_status
):
    response = upload(
        secretariat, django_capture_on_commit_callbacks, "fitxer.pdf", make_file(), "Fitxer difícil"
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Fitxer difícil")
    assert document.extraction_status == expected_status
    assert document.extracted_text == ""
    assert document.extraction_message


def stored_document(title, filename, data):
    """A document saved and read outside the admin (one commit-hook capture per test is enough)."""
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    extract_and_store(document)
    document.refresh_from_db()
    return document


def test_replacing_the_file_extracts_the_new_text(secretariat, django_capture_on_commit_callbacks):
    document = stored_document("Versionat", "v1.pdf", pdf_with_text("Primera versió."))
    assert "Primera" in document.extracted_text
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Versionat",
                "collection": 1,
                "tags": "",
                "file": SimpleUploadedFile(
                    "v2.pdf", pdf_with_text("Segona versió amb cooperativisme."), "application/pdf"
                ),
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert "cooperativisme" in document.extracted_text
    assert "Primera" not in document.extracted_text


def test_editing_only_the_title_does_not_extract_again(
    secretariat, django_capture_on_commit_callbacks
):
    document = stored_document("Estable", "v1.pdf", pdf_with_text("Text estable."))
    extracted_at = document.extracted_at
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        secretariat.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {"title": "Estable (revisat)", "collection": 1, "tags": ""},
        )
    document.refresh_from_db()
    assert document.title == "Estable (revisat)"
    assert document.extracted_at == extracted_at
    assert document.extraction_status == "extracted"
    assert not any("extract" in repr(callback) for callback in callbacks)


def test_the_edit_form_shows_the_extraction_status(secretariat):
    document = stored_document("Xifrat", "x.pdf", encrypted_pdf())
    response = secretariat.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    assert (
        "No extractable text" in response.content.decode()
        or "Sense text extraïble" in response.content.decode()
    )


@pytest.mark.parametrize(
    "make_file, expected_status",
    [(corrupt_pdf, "no_text"), (encrypted_pdf, "no_text"), (large_pdf, "too_large")],
    ids=["corrupt", "encrypted", "50 MB"],
)
def test_bad_pdfs_go_through_the_multiple_uploader_too(
    secretariat, django_capture_on_commit_callbacks, make_file, expected_status
):
    # "Add a document" in Wagtail's menu opens this uploader.
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile("pujada.pdf", make_file(), "application/pdf"),
                "collection": 1,
            },
        )
    assert response.status_code == 200
    assert response.json()["success"] is True
    document = get_document_model().objects.get(pk=response.json()["doc_id"])
    assert document.extraction_status == expected_status
