"""PostgreSQL: the partial index of the pages that may be hidden also holds the root.

``publishing.visibility.hidden_pages`` looks for the pages that are not public
among those whose own fields could hide them: not live, expired, scheduled,
and the root (depth 1). With the root in the index's condition, every branch
of that search is answered by an index, never by reading the page table.
"""

from django.db import migrations

PAGE_INDEX = "search_page_maybe_hidden"
BEFORE = "NOT live OR expired OR expire_at IS NOT NULL OR go_live_at IS NOT NULL"
AFTER = BEFORE + " OR depth <= 1"


def _replace(condition):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")
        schema_editor.execute(f"CREATE INDEX {PAGE_INDEX} ON wagtailcore_page (id) WHERE {condition}")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_words_and_forms")]

    operations = [migrations.RunPython(_replace(AFTER), _replace(BEFORE))]
