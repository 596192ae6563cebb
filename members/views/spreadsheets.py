"""Spreadsheets that open as people expect: accents intact, a named sheet, plain numbers.

Wagtail's ``SpreadsheetExportMixin`` writes UTF-8 without a byte-order mark;
Excel and LibreOffice then guess a legacy encoding and garble "Vallès" or
"Lluçanès". Starting the file with a BOM and naming the charset fixes both.

Its XLSX has one sheet called "Sheet1"; here the sheet is named after what it
holds (the report's title or the listing's name, in the user's language).

Numbers: the CSV is for machines and always writes a dot for decimals
(``12.50``), whatever the language of the screen; the XLSX stores real numbers,
which the spreadsheet shows in the reader's own format (``docs/open-data.md``).

Codes: the CSV keeps the codes programs read (``town_council``, ``20k_50k``,
``True``); the XLSX shows a choice's label and yes/no in the admin's language
("Ajuntament", "Sí"), as the screen does.
"""

import re

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext

# Characters that Excel refuses in a sheet name, and its length limit.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def sheet_name(title):
    name = SHEET_NAME_FORBIDDEN.sub(" ", str(title)).strip()
    return name[:SHEET_NAME_MAX].strip() or "Data"


def _model_field(item, name):
    meta = getattr(item, "_meta", None)
    if meta is None or "." in name:
        return None
    try:
        return meta.get_field(name)
    except FieldDoesNotExist:
        return None


def readable_row(item, row):
    """The row as people read it: labels for choices' codes, yes/no for booleans."""
    readable = {}
    for name, value in row.items():
        field = _model_field(item, name)
        if field is not None and field.choices and value not in (None, ""):
            value = str(dict(field.flatchoices).get(value, value))
        elif isinstance(value, bool):
            value = gettext("Yes") if value else gettext("No")
        readable[name] = value
    return readable


class ExcelFriendlyCsvMixin:
    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def get_sheet_title(self):
        title = getattr(self, "page_title", None)
        if not title and getattr(self, "model", None) is not None:
            title = self.model._meta.verbose_name_plural
        return capfirst(str(title or ""))

    def write_xlsx(self, queryset, output):
        """Wagtail's own export, with the sheet named after its content and its codes
        written as labels."""
        from openpyxl import Workbook

        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_name(self.get_sheet_title()))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(
                    worksheet, readable_row(item, self.to_row_dict(item)), date_format=date_format
                )
            )
        workbook.save(output)
