"""Reading the text of files: PDF, office formats, and the files that must be skipped."""

import io

from documents.extraction import extract_text

from .conftest import (
    corrupt_pdf,
    docx_with_text,
    encrypted_pdf,
    large_pdf,
    odt_with_text,
    pdf_with_text,
)


def extract(data, filename):
    return extract_text(io.BytesIO(data), filename, len(data))


def test_a_pdf_gives_its_text():
    result = extract(pdf_with_text("La masoveria urbana rehabilita habitatges buits."), "guia.pdf")
    assert result.status == "extracted"
    assert "masoveria urbana" in result.text


def test_a_corrupt_pdf_has_no_extractable_text_and_says_why():
    result = extract(corrupt_pdf(), "trencat.pdf")
    assert result.status == "no_text"
    assert result.text == ""
    assert result.message


def test_a_pdf_that_needs_a_password_has_no_extractable_text():
    result = extract(encrypted_pdf(), "xifrat.pdf")
    assert result.status == "no_text"
    assert "encrypted" in result.message


def test_an_rc4_encrypted_pdf_is_skipped_too():
    result = extract(encrypted_pdf(algorithm="RC4-128"), "xifrat.pdf")
    assert result.status == "no_text"


def test_a_pdf_protected_only_against_editing_is_read():
    # An empty open password: readers open it without asking, so can we.
    result = extract(encrypted_pdf(user_password=""), "protegit.pdf")
    assert result.status == "extracted"
    assert "xifrat" in result.text


def test_a_file_above_the_size_limit_is_skipped_without_reading_it():
    result = extract(large_pdf(megabytes=26), "gran.pdf")
    assert result.status == "too_large"


def test_the_size_limit_is_a_setting(settings):
    settings.DOCUMENTS_TEXT_EXTRACTION_MAX_FILE_SIZE = 100
    result = extract(pdf_with_text("Curt."), "curt.pdf")
    assert result.status == "too_large"


def test_a_docx_gives_its_paragraphs():
    result = extract(docx_with_text("Clàusules socials", "Contractes reservats"), "model.docx")
    assert result.status == "extracted"
    assert result.text.splitlines() == ["Clàusules socials", "Contractes reservats"]


def test_an_odt_gives_its_headings_and_paragraphs():
    result = extract(odt_with_text("Cooperatives de cures"), "informe.odt")
    assert result.status == "extracted"
    assert result.text.splitlines() == ["Títol", "Cooperatives de cures"]


def test_a_damaged_office_file_has_no_extractable_text():
    result = extract(b"PK\x03\x04 not really a zip", "trencat.docx")
    assert result.status == "no_text"


def test_a_file_type_without_a_reader_is_marked_unsupported():
    result = extract(b"{\\rtf1 hola}", "nota.rtf")
    assert result.status == "unsupported"


def test_plain_text_loses_nul_bytes_that_postgresql_refuses():
    result = extract(b"primer\x00segon", "dades.csv")
    assert result.text == "primer segon"


def test_long_text_is_cut_to_the_limit(settings):
    settings.DOCUMENTS_TEXT_EXTRACTION_MAX_TEXT_LENGTH = 10
    result = extract(b"0123456789abcdef", "llarg.txt")
    assert result.text == "0123456789"


def test_a_pdf_without_a_text_layer_has_no_extractable_text():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()  # A blank page: what a scan looks like to a text reader.
    result = extract(bytes(pdf.output()), "escanejat.pdf")
    assert result.status == "no_text"
