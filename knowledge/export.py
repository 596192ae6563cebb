"""The library as open data: CSV and JSON downloads of the current filter's results.

Both are streamed (``StreamingHttpResponse`` over ``knowledge.metadata.records``,
which reads the pages a chunk at a time), so a library of 50,000 items is
never held in memory; ``bench/library_export`` measures it. The schema is
documented in ``docs/open-data.md``.

CSV: UTF-8 without a byte-order mark, comma-separated, one header row with the
field names; lists are joined with `` | ``, files become parallel columns
(``file_urls``, ``file_sizes``…), translations ``language=url``. Text cells that
a spreadsheet would run as a formula are neutralised
(``operations.csv_cells.neutralise``). JSON: one object with the schema
version, the licence, the filters applied and the ``items``.
"""

import csv
import json

from django.http import StreamingHttpResponse

from operations.csv_cells import neutralise

from .metadata import FIELDS, SCHEMA_VERSION, records

LIST_SEPARATOR = " | "
FILE_COLUMNS = ["file_titles", "file_urls", "file_sizes", "file_formats"]
CSV_FIELDS = [
    column for field in FIELDS for column in (FILE_COLUMNS if field == "files" else [field])
]


class _Echo:
    """A file-like object whose ``write`` returns the line, for streaming ``csv.writer``."""

    def write(self, value):
        return value


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(element) for element in value)
    return neutralise(value)


def _csv_row(record):
    files = record["files"]
    flat = {
        **record,
        "file_titles": [file["title"] for file in files],
        "file_urls": [file["url"] for file in files],
        "file_sizes": ["" if file["size"] is None else file["size"] for file in files],
        "file_formats": [file["format"] for file in files],
        "translations": [f"{t['language']}={t['url']}" for t in record["translations"]],
    }
    return [_csv_cell(flat[column]) for column in CSV_FIELDS]


def stream_csv(items, **options):
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_FIELDS)
    for record in records(items, **options):
        yield writer.writerow(_csv_row(record))


def stream_json(items, *, filters, **options):
    header = {
        "schema_version": SCHEMA_VERSION,
        "licence": options["licence_url"],
        "language": options["locale"].language_code,
        "filters": filters,
    }
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "items": ['
    separator = ""
    for record in records(items, **options):
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ","
    yield "]}"


def download(items, export_format, *, filename, filters, **options):
    """The streamed response for ``export_format`` (``csv`` or ``json``)."""
    if export_format == "csv":
        response = StreamingHttpResponse(
            stream_csv(items, **options), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            stream_json(items, filters=filters, **options),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    return response
