"""PostgreSQL: keep entry rows narrow so a broad match reads little.

A query that matches most of a language scans its rows; with the snippet text
stored inline the table is twice as large as it needs to be. A low
``toast_tuple_target`` and EXTERNAL storage move long text out of line; the
vectors, read by every match, stay close. Applies to rows written from now on
(``rebuild_search_index`` rewrites them all).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchentry SET (toast_tuple_target = 128)")
        schema_editor.execute("ALTER TABLE search_searchentry ALTER COLUMN body SET STORAGE EXTERNAL")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchentry RESET (toast_tuple_target)")
        schema_editor.execute("ALTER TABLE search_searchentry ALTER COLUMN body SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_language_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
