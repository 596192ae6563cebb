"""CSV that spreadsheet programs open with the right accents.

Wagtail's ``SpreadsheetExportMixin`` writes UTF-8 without a byte-order mark;
Excel and LibreOffice then guess a legacy encoding and garble "Vallès" or
"Lluçanès". Starting the file with a BOM and naming the charset fixes both.
"""


class ExcelFriendlyCsvMixin:
    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
