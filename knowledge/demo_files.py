"""Small real PDFs for the demo, made at load time with fpdf2 (pure Python, well kept).

The PDF's text describes the item it is attached to, so that the demo shows
search finding words that appear only inside a file.
"""

import unicodedata

from fpdf import FPDF

# fpdf2's built-in fonts cover Latin-1; the few characters outside it that Catalan texts use:
LATIN1_REPLACEMENTS = {
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "ŀ": "l·",
    "Ŀ": "L·",
}


def latin1(text):
    for character, replacement in LATIN1_REPLACEMENTS.items():
        text = text.replace(character, replacement)
    text = unicodedata.normalize("NFC", text)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def build_pdf(title, paragraphs, *, author="XMESS", language="ca"):
    """A one-or-more-page PDF with a title and paragraphs; returns its bytes."""
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(author))
    pdf.set_lang(language)
    pdf.set_creator("XMESS demo content")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, latin1(title))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, latin1(paragraph))
        pdf.ln(3)
    return bytes(pdf.output())
