"""Files for the extraction tests: real PDFs made with fpdf2 and pypdf, and broken ones."""

import io
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter

from knowledge.demo_files import build_pdf


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_with_text(*paragraphs, title="Document de prova"):
    return build_pdf(title, list(paragraphs))


def encrypted_pdf(user_password="secret", owner_password="owner", algorithm="AES-128"):
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_with_text("Text xifrat amb contrasenya."))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def corrupt_pdf():
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf any more\n"


def large_pdf(megabytes=50):
    """A valid PDF padded with a comment past the given size."""
    padding = b"%" + b"x" * (megabytes * 1024 * 1024) + b"\n"
    return pdf_with_text("Un PDF molt gran.") + padding


def office_file(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return output.getvalue()


def docx_with_text(*paragraphs):
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return office_file(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f'<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>',
        }
    )


def odt_with_text(*paragraphs):
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs)
    return office_file(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": (
                f'<office:document-content xmlns:office="{office_ns}" xmlns:text="{text_ns}">'
                f"<office:body><office:text><text:h>Títol</text:h>{body}</office:text></office:body>"
                "</office:document-content>"
            ),
        }
    )
