"""Reading the text inside a document's file.

PDF through pypdf (pure Python, well kept, no system libraries); the Office
Open XML and OpenDocument formats (DOCX, PPTX, XLSX, ODT, ODS, ODP) are zip
archives of XML, so the standard library reads their text without another
dependency; plain text and CSV are decoded. Every failure becomes a result with
a status and a message: extraction must never make an upload fail.

Uploaded files are untrusted, so ``extract_text`` never parses them in the
calling process: it copies the file aside and reads it in the box of
``documents.sandbox`` (a child process with CPU-time, memory and wall-clock
limits). Inside the box the readers also keep budgets that forged headers
cannot fool: bytes actually decompressed (zip members, PDF content streams)
and XML elements parsed. When a budget or a limit trips, the file is marked
*too complex to read*.
"""

import logging
import re
import shutil
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from django.conf import settings
from django.utils.translation import gettext_noop

from . import sandbox

logger = logging.getLogger(__name__)

#: Files larger than this are skipped: reading them would hold a worker for minutes.
DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024
#: Text beyond this is cut: search indexes (PostgreSQL's tsvector among them) have limits.
DEFAULT_MAX_TEXT_LENGTH = 300_000
#: Pages beyond this are not read, for the same reason as the size limit.
DEFAULT_MAX_PDF_PAGES = 1_000
#: Bytes the readers may decompress in all (zip members, PDF page content streams).
DEFAULT_MAX_UNPACKED_SIZE = 64 * 1024 * 1024
#: XML elements the office readers may parse in all (a page of text holds a few hundred).
DEFAULT_MAX_XML_ELEMENTS = 500_000
#: Drawing operators one PDF page may hold (a dense page of text holds a few thousand): past
#: this the file is too complex whatever the machine's speed, before any time limit trips.
DEFAULT_MAX_PDF_PAGE_OPERATORS = 100_000

STATUS_EXTRACTED = "extracted"
STATUS_NO_TEXT = "no_text"
STATUS_UNSUPPORTED = "unsupported"
STATUS_TOO_LARGE = "too_large"
STATUS_TOO_COMPLEX = "too_complex"
STATUS_FAILED = "failed"

TOO_COMPLEX = gettext_noop("The file is too complex to read its text within the limits.")


@dataclass(frozen=True)
class ExtractionResult:
    status: str
    text: str = ""
    #: Why there is no text; an English message marked for translation with gettext_noop.
    message: str = ""


@dataclass(frozen=True)
class Budgets:
    """What the readers may spend on one file; sent to the box as plain values."""

    max_text_length: int = DEFAULT_MAX_TEXT_LENGTH
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES
    max_unpacked_size: int = DEFAULT_MAX_UNPACKED_SIZE
    max_xml_elements: int = DEFAULT_MAX_XML_ELEMENTS
    max_pdf_page_operators: int = DEFAULT_MAX_PDF_PAGE_OPERATORS

    @classmethod
    def from_settings(cls):
        return cls(
            max_text_length=max_text_length(),
            max_pdf_pages=getattr(
                settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_PDF_PAGES", DEFAULT_MAX_PDF_PAGES
            ),
            max_unpacked_size=getattr(
                settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_UNPACKED_SIZE", DEFAULT_MAX_UNPACKED_SIZE
            ),
            max_xml_elements=getattr(
                settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_XML_ELEMENTS", DEFAULT_MAX_XML_ELEMENTS
            ),
            max_pdf_page_operators=getattr(
                settings,
                "DOCUMENTS_TEXT_EXTRACTION_MAX_PDF_PAGE_OPERATORS",
                DEFAULT_MAX_PDF_PAGE_OPERATORS,
            ),
        )


class NoText(Exception):
    """The file was read (or could not be) and holds no text we can index."""


class TooComplex(Exception):
    """Reading the file would spend more than its budget."""


def max_file_size():
    return getattr(settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)


def max_text_length():
    return getattr(settings, "DOCUMENTS_TEXT_EXTRACTION_MAX_TEXT_LENGTH", DEFAULT_MAX_TEXT_LENGTH)


def _extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def extract_text(fileobj, filename, size):
    """The text of an open binary file, judged by its extension, read in the box; never raises."""
    extension = _extension(filename)
    if extension not in READERS:
        return ExtractionResult(
            STATUS_UNSUPPORTED, message=gettext_noop("File type not supported.")
        )
    if size is not None and size > max_file_size():
        return ExtractionResult(
            STATUS_TOO_LARGE, message=gettext_noop("The file is too large to read its text.")
        )
    with tempfile.NamedTemporaryFile(prefix="extract-", suffix=f".{extension}") as copy:
        shutil.copyfileobj(fileobj, copy)
        copy.flush()
        if copy.tell() > max_file_size():  # The size given was wrong.
            return ExtractionResult(
                STATUS_TOO_LARGE, message=gettext_noop("The file is too large to read its text.")
            )
        outcome = sandbox.run(
            "documents.extraction.read_file",
            {"path": copy.name, "extension": extension, **asdict(Budgets.from_settings())},
            sandbox.BoxLimits.from_settings(),
        )
    if outcome.result is not None:
        return ExtractionResult(**outcome.result)
    logger.warning("The text of %s was not read: %s", filename, outcome.reason)
    if outcome.limit_tripped:
        return ExtractionResult(STATUS_TOO_COMPLEX, message=TOO_COMPLEX)
    return ExtractionResult(
        STATUS_NO_TEXT, message=gettext_noop("The file is damaged or could not be read.")
    )


def read_file(path, extension, **budgets):
    """Inside the box: read one file and return the ``ExtractionResult`` as a dict."""
    budgets = Budgets(**budgets)
    try:
        with open(path, "rb") as fileobj:
            text = normalise(READERS[extension](fileobj, budgets), budgets.max_text_length)
    except NoText as reason:
        return asdict(ExtractionResult(STATUS_NO_TEXT, message=str(reason)))
    except (TooComplex, MemoryError, RecursionError):
        return asdict(ExtractionResult(STATUS_TOO_COMPLEX, message=TOO_COMPLEX))
    except Exception:  # Any parser error on a hostile or damaged file must stay here.
        logger.warning("Could not read the text of a file", exc_info=True)
        return asdict(
            ExtractionResult(
                STATUS_NO_TEXT, message=gettext_noop("The file is damaged or could not be read.")
            )
        )
    if not text:
        return asdict(
            ExtractionResult(
                STATUS_NO_TEXT,
                message=gettext_noop("The file holds no text (a scanned image, perhaps)."),
            )
        )
    return asdict(ExtractionResult(STATUS_EXTRACTED, text=text))


def normalise(text, limit):
    """One space between words, no NUL bytes (PostgreSQL refuses them), bounded length."""
    text = text.replace("\x00", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return text[:limit]


class Spending:
    """Counts what a reader spends and raises ``TooComplex`` past a budget."""

    def __init__(self, limit):
        self.limit = limit
        self.spent = 0

    def add(self, amount):
        self.spent += amount
        if self.spent > self.limit:
            raise TooComplex

    def add_one(self, *_):
        """One more of what is counted (a callback's arguments are ignored)."""
        self.add(1)


def read_pdf(fileobj, budgets):
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
    unpacked = Spending(budgets.max_unpacked_size)
    read_contents = set()
    parts = []
    length = 0
    for number, page in enumerate(reader.pages):
        if number >= budgets.max_pdf_pages or length >= budgets.max_text_length:
            break
        # Pages that share their content stream share their text: read it once.
        contents_reference = repr(page.raw_get("/Contents")) if "/Contents" in page else ""
        if contents_reference in read_contents:
            continue
        read_contents.add(contents_reference)
        contents = page.get_contents()
        unpacked.add(len(contents.get_data()) if contents is not None else 0)
        operators = Spending(budgets.max_pdf_page_operators)
        page_text = page.extract_text(visitor_operand_before=operators.add_one) or ""
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
CHUNK = 64 * 1024


def office_reader(extension):
    member_pattern, paragraph_tag = OFFICE_PARAGRAPHS[extension]
    tags = {paragraph_tag, ODF_HEADING}

    def read(fileobj, budgets):
        try:
            archive = zipfile.ZipFile(fileobj)
        except zipfile.BadZipFile as error:
            raise NoText(gettext_noop("The file is damaged or could not be read.")) from error
        unpacked = Spending(budgets.max_unpacked_size)
        elements = Spending(budgets.max_xml_elements)
        paragraphs = []
        length = 0
        with archive:
            members = sorted(
                (
                    info
                    for info in archive.infolist()
                    if re.fullmatch(member_pattern, info.filename)
                ),
                key=lambda info: _natural_key(info.filename),
            )
            for info in members:
                # The sizes in the archive's header may be forged: count what comes out.
                with archive.open(info) as member:
                    for paragraph in _paragraphs(member, tags, unpacked, elements):
                        if not paragraph.strip():
                            continue
                        paragraphs.append(paragraph)
                        length += len(paragraph) + 1
                        if length >= budgets.max_text_length:
                            return "\n".join(paragraphs)
        return "\n".join(paragraphs)

    return read


def _paragraphs(stream, tags, unpacked, elements):
    """The text of each paragraph element of an XML stream, parsed a chunk at a time.

    Finished elements are dropped from the tree as soon as they end (a paragraph's
    after its text is taken), so memory stays flat however many there are.
    """
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    open_elements = []
    inside_paragraph = 0
    while chunk := stream.read(CHUNK):
        unpacked.add(len(chunk))
        parser.feed(chunk)
        for event, element in parser.read_events():
            if event == "start":
                elements.add(1)
                open_elements.append(element)
                inside_paragraph += element.tag in tags
                continue
            open_elements.pop()
            if element.tag in tags:
                inside_paragraph -= 1
                yield "".join(element.itertext())
            if not inside_paragraph and open_elements:
                open_elements[-1].remove(element)
    parser.close()


def _natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def read_plain_text(fileobj, budgets):
    return fileobj.read(budgets.max_text_length * 4).decode("utf-8", errors="replace")


READERS = {
    "pdf": read_pdf,
    "txt": read_plain_text,
    "csv": read_plain_text,
    **{extension: office_reader(extension) for extension in OFFICE_PARAGRAPHS},
}
