"""``extract_document_text``: the backfill of every document's text, with a progress bar."""

import io

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.documents import get_document_model

from .conftest import corrupt_pdf, pdf_with_text

pytestmark = pytest.mark.django_db


def pending_document(title, data, filename="fitxer.pdf"):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()  # Its extraction task would run on commit, which the test never reaches.
    return document


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("extract_document_text", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_backfill_reads_every_document_and_reports_the_outcome():
    readable = pending_document("Llegible", pdf_with_text("Paraula: retroactivitat."))
    broken = pending_document("Trencat", corrupt_pdf())
    out, err = run()
    readable.refresh_from_db()
    broken.refresh_from_db()
    assert readable.extraction_status == "extracted"
    assert "retroactivitat" in readable.extracted_text
    assert broken.extraction_status == "no_text"
    total = get_document_model().objects.count()
    assert f"Documents read: {total}." in out
    assert "Extracting text" in err  # tqdm's progress bar goes to stderr.


def test_the_backfill_makes_the_documents_searchable():
    pending_document("Sense pistes", pdf_with_text("Paraula: intercooperació."))
    run("--pending-only")
    assert [d.title for d in get_document_model().objects.search("intercooperació")] == [
        "Sense pistes"
    ]


def test_pending_only_leaves_already_read_documents_alone():
    done = pending_document("Ja llegit", pdf_with_text("Text."))
    get_document_model().objects.filter(pk=done.pk).update(
        extraction_status="extracted", extracted_text="conservat"
    )
    pending = pending_document("Pendent", pdf_with_text("Nou text."))
    out, _ = run("--pending-only")
    done.refresh_from_db()
    pending.refresh_from_db()
    assert done.extracted_text == "conservat"
    assert pending.extraction_status == "extracted"
    assert out.startswith("Documents read: 1.")


def test_a_missing_file_is_reported_as_failed_and_the_backfill_goes_on(media_root):
    lost = pending_document("Perdut", pdf_with_text("Text."), filename="perdut.pdf")
    lost.file.storage.delete(lost.file.name)
    after = pending_document("Posterior", pdf_with_text("Segueix."), filename="posterior.pdf")
    run("--pending-only")
    lost.refresh_from_db()
    after.refresh_from_db()
    assert lost.extraction_status == "failed"
    assert after.extraction_status == "extracted"
