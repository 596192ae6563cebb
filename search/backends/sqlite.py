"""SQLite: an FTS5 table of Snowball stems, ranked with bm25.

The table holds stems computed in Python (``search.text``), so SQLite gets the
same accent folding and Catalan/Spanish/English stemming as the other backends.
Each query word becomes a quoted FTS5 string: user input never reaches FTS5's
own query syntax.
"""

from django.db import connection

from .. import text
from .base import ROW_FIELDS, SearchBackend

TABLE = "search_entry_fts"
CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} "
    "USING fts5(title, body, files, title_words, tokenize='unicode61 remove_diacritics 2')"
)
# Title counts most, then the page's own text, then its attached files.
RANK = f"-bm25({TABLE}, 8.0, 2.0, 1.0, 0.0)"


def fts_string(token):
    return '"' + token.replace('"', '""') + '"'


def word_expression(word, languages):
    forms = dict.fromkeys(text.stem(word, language) for language in languages)
    forms = [fts_string(form) for form in forms if form]
    return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"


def match_expression(query, languages):
    groups = []
    for group in query.groups:
        alternatives = [
            "(" + " AND ".join(word_expression(word, languages) for word in alt) + ")"
            for alt in group
            if alt
        ]
        groups.append("(" + " OR ".join(alternatives) + ")")
    return "{title body files} : (" + " AND ".join(groups) + ")"


class SQLiteBackend(SearchBackend):
    name = "sqlite"

    def index(self, texts):
        rows = [
            (
                item.entry_id,
                " ".join(text.stems(item.title, item.language)),
                " ".join(text.stems(item.body, item.language)),
                " ".join(text.stems(item.files, item.language)),
                " ".join(text.words(item.title)),
            )
            for item in texts
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body, files, title_words) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def remove(self, entry_ids):
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(i,) for i in entry_ids])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")

    def matches(self, query, languages, queryset):
        return list(
            queryset.extra(
                tables=[TABLE],
                where=[f"{TABLE}.rowid = search_searchentry.id", f"{TABLE} MATCH %s"],
                params=[match_expression(query, languages)],
                select={"score": RANK},
            ).values_list(*ROW_FIELDS, "score")
        )

    def suggest(self, words, languages, queryset, limit):
        parts = [f"{fts_string(word)}" for word in words[:-1]]
        parts.append(f"{fts_string(words[-1])} *")
        expression = "title_words : (" + " AND ".join(parts) + ")"
        return list(
            queryset.extra(
                tables=[TABLE],
                where=[f"{TABLE}.rowid = search_searchentry.id", f"{TABLE} MATCH %s"],
                params=[expression],
                select={"score": RANK},
            )
            .order_by("-score")
            .values_list("id", "title", "url", "language")[:limit]
        )
