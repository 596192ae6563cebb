"""PostgreSQL: a ``tsvector`` per entry built with its own language's configuration.

Wagtail's database backend uses one ``SEARCH_CONFIG`` for every row, so it can
stem only one language. Here each row is vectorised with ``catalan``,
``spanish`` or ``english`` (PostgreSQL's Snowball configurations) after the
Python normalisation of ``search.text`` (accents and punt volat folded, which
needs no ``unaccent`` extension). A query is built from ``plainto_tsquery``
calls with bound parameters, one per word and language, so nothing the user
types is parsed as tsquery syntax.
"""

from django.db import connection

from .. import text
from .base import ROW_FIELDS, SearchBackend

CONFIGS = {"ca": "catalan", "es": "spanish", "en": "english"}
# A tsvector is limited to 1 MB; long files are cut well before that.
MAX_TEXT = 400_000


def config_for(language):
    return CONFIGS.get(language, "simple")


def tsquery_sql(query, languages):
    """SQL for the tsquery of ``query`` in ``languages``, with its parameters."""
    configs = list(dict.fromkeys(config_for(language) for language in languages))
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


class PostgresBackend(SearchBackend):
    name = "postgres"

    def index(self, texts):
        rows = []
        for item in texts:
            config = config_for(item.language)
            rows.append(
                (
                    config,
                    text.normalise(item.title),
                    config,
                    text.normalise(item.body)[:MAX_TEXT],
                    config,
                    text.normalise(item.files)[:MAX_TEXT],
                    text.normalise(item.title),
                    item.entry_id,
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET search_vector = "
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'C'), "
                "title_vector = to_tsvector('simple', %s) WHERE id = %s",
                rows,
            )

    def remove(self, entry_ids):
        # The vector lives on the entry row: deleting the entry removes it.
        return None

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("UPDATE search_searchentry SET search_vector = NULL, title_vector = NULL")

    def after_rebuild(self):
        # Fresh statistics, or the planner takes a rebuilt table for an empty one.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def matches(self, query, languages, queryset):
        sql, params = tsquery_sql(query, languages)
        return list(
            queryset.extra(
                where=[f"search_searchentry.search_vector @@ {sql}"],
                params=params,
                select={"score": f"ts_rank(search_searchentry.search_vector, {sql})"},
                select_params=params,
            ).values_list(*ROW_FIELDS, "score")
        )

    def suggest(self, words, languages, queryset, limit):
        # Prefix search on the unstemmed title words; each word is a quoted lexeme.
        lexemes = ["'" + word + "'" for word in words[:-1]] + ["'" + words[-1] + "':*"]
        expression = " & ".join(lexemes)
        return list(
            queryset.extra(
                where=["search_searchentry.title_vector @@ to_tsquery('simple', %s)"],
                params=[expression],
            )
            .order_by("title")
            .values_list("id", "title", "url", "language")[:limit]
        )
