"""Reading the text inside a document's file.

PDF through pypdf (pure Python, well kept, no system libraries); the Office
Open XML and OpenDocument formats (DOCX, PPTX, XLSX, ODT, ODS, ODP) are zip
archives of XML, so the standard library reads their text without another
dependency; plain text and CSV are decoded. Every failure becomes a result with
a status and a message: extraction must never make an upload fail.
"""

import logging
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from django.conf import settings
from django.utils.translation import gettext_noop

logger = logging.getLogger(__name__)

#: Files larger than this are skipped: reading them would hold a worker for minutes.
DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024
#: Text beyond this is cut: search indexes (PostgreSQL's tsvector among them) have limits.
DEFAULT_MAX_TEXT_LENGTH = 300_000
#: Pages beyond this are not read, for the same reason as the size limit.
DEFAULT_MAX_PDF_PAGES = 1_000
#: A zip member this large when uncompressed is a zip bomb, not a document.
MAX_XML_MEMBER_SIZE = 50 * 1024 * 1024

STATUS_EXTRACTED = "extracted"
STATUS_NO_TEXT = "no_text"
STATUS_UNSUPPORTED = "unsupported"
STATUS_TOO_LARGE = "too_large"
STATUS_FAILED = "failed"


@dataclass(frozen=True)
class ExtractionResult:
    status: str
    text: str = ""
    #: Why there is no text; an English message marked for translation with gettext_noop.
    message: str = ""


class NoText(Exception):
    """The file was read (or could not be) and holds no text we can index."""


def max_file_size():
    return getattr(settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)


def max_text_length():
    return getattr(settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_TEXT_LENGTH", DEFAULT_MAX_TEXT_LENGTH)


def extract_text(fileobj, filename, size):
    """The text of an open binary file, judged by its extension; never raises."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    reader = READERS.get(extension)
    if reader is None:
        return ExtractionResult(
            STATUS_UNSUPPORTED, message=gettext_noop("File type not supported.")
        )
    if size is not None and size > max_file_size():
        return ExtractionResult(
            STATUS_TOO_LARGE, message=gettext_noop("The file is too large to read its text.")
        )
    try:
        text = normalise(reader(fileobj))
    except NoText as reason:
        return ExtractionResult(STATUS_NO_TEXT, message=str(reason))
    except Exception:  # Any parser error on a hostile or damaged file must stay here.
        logger.warning("Could not read the text of %s", filename, exc_info=True)
        return ExtractionResult(
            STATUS_NO_TEXT, message=gettext_noop("The file is damaged or could not be read.")
        )
    if not text:
        return ExtractionResult(
            STATUS_NO_TEXT,
            message=gettext_noop("The file holds no text (a scanned image, perhaps)."),
        )
    return ExtractionResult(STATUS_EXTRACTED, text=text)


def normalise(text):
    """One space between words, no NUL bytes (PostgreSQL refuses them), bounded length."""
    text = text.replace("\x00", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return text[: max_text_length()]


def read_pdf(fileobj):
    try:
        reader = PdfReader(fileobj, strict=False)
    except PdfReadError as error:
        raise NoText(gettext_noop("The file is damaged or is not a valid PDF.")) from error
    if reader.is_encrypted:
        # Many PDFs are "encrypted" only against editing, with an empty open password.
        try:
            opened = reader.decrypt("")
        except Exception as error:
            raise NoText(gettext_noop("The PDF is encrypted.")) from error
        if not opened:
            raise NoText(gettext_noop("The PDF is encrypted."))
    limit = getattr(settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_PDF_PAGES", DEFAULT_MAX_PDF_PAGES)
    parts = []
    length = 0
    for number, page in enumerate(reader.pages):
        if number >= limit or length >= max_text_length():
            break
        page_text = page.extract_text() or ""
        parts.append(page_text)
        length += len(page_text)
    return "\n".join(parts)


# Which XML members of an office archive hold the text, and which elements are paragraphs.
OFFICE_PARAGRAPHS = {
    "odt": (r"content\.xml", "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"),
    "ods": (r"content\.xml", "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"),
    "odp": (r"content\.xml", "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"),
    "docx": (
        r"word/(document|footnotes|endnotes)\.xml",
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p",
    ),
    "pptx": (
        r"ppt/slides/slide\d+\.xml",
        "{http://schemas.openxmlformats.org/drawingml/2006/main}p",
    ),
    "xlsx": (
        r"xl/sharedStrings\.xml",
        "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}si",
    ),
}
ODF_HEADING = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h"


def office_reader(extension):
    member_pattern, paragraph_tag = OFFICE_PARAGRAPHS[extension]
    tags = {paragraph_tag, ODF_HEADING}

    def read(fileobj):
        try:
            archive = zipfile.ZipFile(fileobj)
        except zipfile.BadZipFile as error:
            raise NoText(gettext_noop("The file is damaged or could not be read.")) from error
        with archive:
            members = sorted(
                (
                    info
                    for info in archive.infolist()
                    if re.fullmatch(member_pattern, info.filename)
                ),
                key=lambda info: _natural_key(info.filename),
            )
            paragraphs = []
            for info in members:
                if info.file_size > MAX_XML_MEMBER_SIZE:
                    raise NoText(gettext_noop("The file is too large to read its text."))
                root = ElementTree.fromstring(archive.read(info))
                paragraphs.extend(
                    "".join(element.itertext()) for element in root.iter() if element.tag in tags
                )
        return "\n".join(paragraphs)

    return read


def _natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def read_plain_text(fileobj):
    return fileobj.read(max_text_length() * 4).decode("utf-8", errors="replace")


READERS = {
    "pdf": read_pdf,
    "txt": read_plain_text,
    "csv": read_plain_text,
    **{extension: office_reader(extension) for extension in OFFICE_PARAGRAPHS},
}
