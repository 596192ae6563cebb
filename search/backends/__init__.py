"""Full-text backends for the public search, chosen from the settings.

Elasticsearch when ``SEARCH_ELASTICSEARCH_URL`` is set (from ``ELASTICSEARCH_URL``),
otherwise the database in use: PostgreSQL's per-language text search, or
SQLite's FTS5. They share one contract (``base.SearchBackend``) so the engine,
the views and the tests do not care which one runs.
"""

from django.conf import settings
from django.db import connection


def get_backend():
    url = getattr(settings, "SEARCH_ELASTICSEARCH_URL", "")
    if url:
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend.from_settings()
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SQLiteBackend

    return SQLiteBackend()
