"""Words and their forms (stems and lemmas), per language on SQLite.

SQLite: FTS5 tables per content language (``search_fts_<code>`` and its
title-and-summary ``…_head``) replace
the table shared by every language, so bm25 weighs a word among its own
language's entries. PostgreSQL: a ``word_vector`` of the words as written
(protected words, exact forms, phrases, "did you mean") beside
``search_vector``, which now holds every word's forms.

The new structures start empty: run ``manage.py rebuild_search_index`` after
migrating (the demo loader and ``restore`` do).
"""

from django.conf import settings
from django.db import migrations


def _codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code.isalpha()]


def forwards(apps, schema_editor):
    from search.backends.sqlite import create_tables_sql

    execute = schema_editor.execute
    if schema_editor.connection.vendor == "sqlite":
        execute("DROP TABLE IF EXISTS search_entry_fts")
        for code in _codes():
            for statement in create_tables_sql(code):
                execute(statement)
    elif schema_editor.connection.vendor == "postgresql":
        execute("ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS word_vector tsvector")
        execute("ALTER TABLE search_searchentry ALTER COLUMN word_vector SET STORAGE EXTERNAL")
        for code in _codes():
            execute(
                f"CREATE INDEX IF NOT EXISTS search_entry_words_{code} ON search_searchentry "
                f"USING gin (word_vector) WHERE language = '{code}'"
            )
        execute(
            "CREATE INDEX IF NOT EXISTS search_entry_words_gin ON search_searchentry "
            "USING gin (word_vector)"
        )


def backwards(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "sqlite":
        for code in _codes():
            execute(f"DROP TABLE IF EXISTS search_fts_{code}")
            execute(f"DROP TABLE IF EXISTS search_fts_{code}_head")
        execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts USING fts5("
            "title, body, files, title_words, tokenize='unicode61 remove_diacritics 2')"
        )
    elif schema_editor.connection.vendor == "postgresql":
        execute("DROP INDEX IF EXISTS search_entry_words_gin")
        for code in _codes():
            execute(f"DROP INDEX IF EXISTS search_entry_words_{code}")
        execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS word_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_postgres_title_stems_and_visibility_index")]

    operations = [migrations.RunPython(forwards, backwards)]
