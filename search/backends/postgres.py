"""PostgreSQL: a ``tsvector`` per entry built with its own language's configuration.

Wagtail's database backend uses one ``SEARCH_CONFIG`` for every row, so it can
stem only one language. Here each row is vectorised with ``catalan``,
``spanish`` or ``english`` (PostgreSQL's Snowball configurations) after the
Python normalisation of ``search.text`` (accents and punt volat folded, which
needs no ``unaccent`` extension). A query is built from ``plainto_tsquery``
calls with bound parameters, one per word and language, so nothing the user
types is parsed as tsquery syntax.

Three vectors per entry: ``search_vector`` (title, text and files, weighted;
matched through per-language GIN indexes and ranked with ``ts_rank``),
``title_stems`` (the stemmed title, small and stored inline, so "is a query
word in the title?" costs nothing per row) and ``title_vector`` (unstemmed
title words, for autocomplete prefixes).
"""

from django.db import connection

from .. import text
from .base import Match, SearchBackend

CONFIGS = {"ca": "catalan", "es": "spanish", "en": "english"}
# A tsvector is limited to 1 MB; long files are cut well before that.
MAX_TEXT = 400_000
TABLE = "search_searchentry"


def config_for(language):
    return CONFIGS.get(language, "simple")


def _configs(languages):
    return list(dict.fromkeys(config_for(language) for language in languages))


def tsquery_sql(query, languages):
    """SQL for the tsquery of ``query`` in ``languages``, with its parameters."""
    configs = _configs(languages)
    sql_groups, params = [], []
    for group in query.groups:
        sql_alternatives = []
        for alt in group:
            sql_words = []
            for word in alt:
                forms = [f"plainto_tsquery('{config}'::regconfig, %s)" for config in configs]
                params.extend([word] * len(configs))
                sql_words.append("(" + " || ".join(forms) + ")")
            sql_alternatives.append("(" + " && ".join(sql_words) + ")")
        sql_groups.append("(" + " || ".join(sql_alternatives) + ")")
    return "(" + " && ".join(sql_groups) + ")", params


def title_tsquery_sql(query, languages):
    """Like ``tsquery_sql`` but any one word suffices: a title naming part of the query counts."""
    configs = _configs(languages)
    forms, params = [], []
    for word in query.all_words:
        for config in configs:
            forms.append(f"plainto_tsquery('{config}'::regconfig, %s)")
            params.append(word)
    return "(" + " || ".join(forms) + ")", params


class PostgresBackend(SearchBackend):
    name = "postgres"

    def index(self, texts):
        rows = []
        for item in texts:
            config = config_for(item.language)
            title = text.normalise(item.title)
            rows.append(
                (
                    config,
                    title,
                    config,
                    text.normalise(item.body)[:MAX_TEXT],
                    config,
                    text.normalise(item.files)[:MAX_TEXT],
                    title,
                    config,
                    title,
                    item.entry_id,
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {TABLE} SET search_vector = "
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'C'), "
                "title_vector = to_tsvector('simple', %s), "
                "title_stems = to_tsvector(%s::regconfig, %s) WHERE id = %s",
                rows,
            )

    def remove(self, entry_ids):
        # The vectors live on the entry row: deleting the entry removes them.
        return None

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET search_vector = NULL, title_vector = NULL, title_stems = NULL"
            )

    def after_rebuild(self):
        """Compact the table and refresh its statistics.

        Every row was written twice (entry, then vectors), leaving the live rows
        scattered among dead ones; a search reads every matching row, so a
        compact table is a faster one. ``VACUUM FULL`` locks the table for a few
        seconds, at the end of a rebuild that emptied it anyway. Inside a
        transaction (tests) only the statistics are refreshed, so that the
        planner does not take a rebuilt table for an empty one.
        """
        statement = "ANALYZE" if connection.in_atomic_block else "VACUUM FULL ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(f"{statement} {TABLE}")

    def match(self, query, languages):
        where, params = tsquery_sql(query, languages)
        title, title_params = title_tsquery_sql(query, languages)
        return Match(
            where=(f"{TABLE}.search_vector @@ {where}", params),
            title=(f"coalesce({TABLE}.title_stems @@ {title}, false)", title_params),
        )

    def scores(self, query, languages, entry_ids):
        if not entry_ids:
            return {}
        sql, params = tsquery_sql(query, languages)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, ts_rank(search_vector, {sql}) FROM {TABLE} WHERE id = ANY(%s)",
                [*params, list(entry_ids)],
            )
            return dict(cursor.fetchall())

    def suggest(self, words, languages, queryset, limit):
        # Prefix search on the unstemmed title words; each word is a quoted lexeme.
        lexemes = ["'" + word + "'" for word in words[:-1]] + ["'" + words[-1] + "':*"]
        expression = " & ".join(lexemes)
        return list(
            queryset.extra(
                where=[f"{TABLE}.title_vector @@ to_tsquery('simple', %s)"],
                params=[expression],
            )
            .order_by("title")
            .values_list("id", "title", "url", "language")[:limit]
        )
