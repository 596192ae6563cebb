"""PostgreSQL: one partial GIN index per content language.

Most searches are in one language; a partial index lets PostgreSQL read only
that language's rows instead of every row whose words share a stem across
languages ("cooper" is Catalan, Spanish and English). A language added later
to WAGTAIL_CONTENT_LANGUAGES still works through the full index above.
"""

from django.conf import settings
from django.db import migrations


def _codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code.isalpha()]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in _codes():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_entry_vector_{code} ON search_searchentry "
            f"USING gin (search_vector) WHERE language = '{code}'"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in _codes():
        schema_editor.execute(f"DROP INDEX IF EXISTS search_entry_vector_{code}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_structures")]

    operations = [migrations.RunPython(forwards, backwards)]
