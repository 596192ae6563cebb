"""Files made to hurt a parser, built in the test run (as small as the ones found in the wild)."""

import io
import struct
import zipfile
import zlib

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

MEGABYTE = 1024 * 1024
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def shared_stream_pdf(pages=100, megabytes=2):
    """``pages`` pages that all draw one content stream of ``megabytes`` of text operators
    (empty strings, so that no page stops the reading early): about 21 KB on disk."""
    writer = PdfWriter()
    operators = b"BT /F1 12 Tf 72 712 Td () Tj ET\n"
    stream = DecodedStreamObject()
    stream.set_data(operators * (megabytes * MEGABYTE // len(operators)))
    contents = writer._add_object(stream.flate_encode())
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = contents
        page[NameObject("/Resources")] = resources
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def empty_paragraphs_docx(megabytes=49):
    """A DOCX of ``megabytes`` of empty paragraphs, with honest sizes: about 70 KB."""
    paragraphs = b"<w:p/>" * (megabytes * MEGABYTE // 6)
    document = b'<w:document xmlns:w="' + WORD.encode() + b'"><w:body>'
    document += paragraphs + b"</w:body></w:document>"
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return output.getvalue()


def forged_size_docx(gigabytes=1, claimed_megabytes=40):
    """A DOCX whose ``document.xml`` is ``gigabytes`` of empty paragraphs while its headers claim
    ``claimed_megabytes``: about 2.6 MB on disk.

    The deflate stream is one compressed block of 8 MB repeated: each block ends with a full
    flush (byte-aligned, dictionary reset), so the copies make one valid stream.
    """
    chunk = b"<w:p><w:r><w:t/></w:r></w:p>" * (8 * MEGABYTE // 29)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    head = b'<w:document xmlns:w="' + WORD.encode() + b'"><w:body>'
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    copies = gigabytes * 1024 * MEGABYTE // len(chunk)
    data = start + block * copies + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(chunk, crc)
    return _zip_with_one_member("word/document.xml", data, crc, claimed_megabytes * MEGABYTE)


def _zip_with_one_member(name, deflated, crc, claimed_size):
    name = name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), claimed_size, len(name), 0
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), claimed_size,
        len(name), 0, 0, 0, 0, 0, 0,
    )  # fmt: skip
    directory_offset = len(local) + len(name) + len(deflated)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(name), directory_offset, 0
    )
    return local + name + deflated + central + name + end
