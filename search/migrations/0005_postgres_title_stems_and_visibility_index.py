"""PostgreSQL: a stemmed title vector kept inline, and a cheap visibility check.

* ``title_stems``: the title's stems, PLAIN storage so that testing "is a query
  word in the title?" on thousands of matches reads no TOAST.
* ``search_vector`` stored uncompressed out of line (EXTERNAL): ranking a few
  hundred candidates then reads it without decompressing.
* A partial index over the pages that may be hidden from the public (not
  live, expired, or scheduled): search excludes those few pages instead of
  joining every match to the page table.

Existing entries get their ``title_stems`` here; ``rebuild_search_index``
rewrites everything anyway.
"""

from django.db import migrations

PAGE_INDEX = "search_page_maybe_hidden"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.text import normalise

    # Frozen here: the backend no longer uses per-language configurations
    # (0006 and a rebuild replace these vectors).
    configs = {"ca": "catalan", "es": "spanish", "en": "english"}

    def config_for(language):
        return configs.get(language, "simple")

    execute = schema_editor.execute
    execute("ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS title_stems tsvector")
    execute("ALTER TABLE search_searchentry ALTER COLUMN title_stems SET STORAGE PLAIN")
    execute("ALTER TABLE search_searchentry ALTER COLUMN search_vector SET STORAGE EXTERNAL")
    execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_INDEX} ON wagtailcore_page (id) "
        "WHERE NOT live OR expired OR expire_at IS NOT NULL OR go_live_at IS NOT NULL"
    )
    entries = apps.get_model("search", "SearchEntry").objects.values_list("id", "language", "title")
    rows = [(config_for(language), normalise(title), pk) for pk, language, title in entries.iterator()]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE search_searchentry SET title_stems = to_tsvector(%s::regconfig, %s) WHERE id = %s",
            rows,
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")
    schema_editor.execute("ALTER TABLE search_searchentry ALTER COLUMN search_vector SET STORAGE EXTENDED")
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_stems")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_postgres_narrow_rows"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
