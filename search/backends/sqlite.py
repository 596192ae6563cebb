"""SQLite: an FTS5 table of Snowball stems, ranked with bm25.

The table holds stems computed in Python (``search.text``), so SQLite gets the
same accent folding and Catalan/Spanish/English stemming as the other backends.
Each query word becomes a quoted FTS5 string: user input never reaches FTS5's
own query syntax.
"""

from django.db import connection

from .. import text
from .base import Match, SearchBackend

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


def language_marker(language):
    """A token stored with each row so that MATCH itself keeps only the wanted languages."""
    return f"xmesslang{language}"


def language_expression(languages):
    return (
        "title_words : ("
        + " OR ".join(fts_string(language_marker(code)) for code in languages)
        + ")"
    )


def match_expression(query, languages):
    groups = []
    for group in query.groups:
        alternatives = [
            "(" + " AND ".join(word_expression(word, languages) for word in alt) + ")"
            for alt in group
            if alt
        ]
        groups.append("(" + " OR ".join(alternatives) + ")")
    words = "{title body files} : (" + " AND ".join(groups) + ")"
    return f"{words} AND {language_expression(languages)}"


def title_expression(query, languages):
    """Any query word (or synonym) in the title."""
    forms = [word_expression(word, languages) for word in query.all_words]
    return f"title : ({' OR '.join(forms)}) AND {language_expression(languages)}"


def matching_sql(expression):
    # A subquery, not a join: joined, SQLite re-runs MATCH for every entry row.
    sql = f"search_searchentry.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)"
    return sql, [expression]


class SQLiteBackend(SearchBackend):
    name = "sqlite"

    def index(self, texts):
        rows = [
            (
                item.entry_id,
                " ".join(text.stems(item.title, item.language)),
                " ".join(text.stems(item.body, item.language)),
                " ".join(text.stems(item.files, item.language)),
                " ".join([language_marker(item.language), *text.words(item.title)]),
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

    def _scores(self, expression, limit=None):
        sql = f"SELECT rowid, {RANK} FROM {TABLE} WHERE {TABLE} MATCH %s"
        if limit:
            sql += f" ORDER BY rank LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression])
            return dict(cursor.fetchall())

    def after_rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
            cursor.execute("ANALYZE")

    def match(self, query, languages):
        return Match(
            where=matching_sql(match_expression(query, languages)),
            title=matching_sql(title_expression(query, languages)),
        )

    def scores(self, query, languages, entry_ids):
        if not entry_ids:
            return {}
        entry_ids = list(entry_ids)
        marks = ", ".join(["%s"] * len(entry_ids))
        # "+rowid" keeps the id list out of FTS5's hands: given "rowid IN (…)" it
        # would run the whole query again for each id. Filtered by SQLite after
        # one MATCH, bm25 is computed for the listed rows only.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {RANK} FROM {TABLE} WHERE {TABLE} MATCH %s AND +rowid IN ({marks})",
                [match_expression(query, languages), *entry_ids],
            )
            return dict(cursor.fetchall())

    def suggest(self, words, languages, queryset, limit):
        parts = [fts_string(word) for word in words[:-1]] + [f"{fts_string(words[-1])} *"]
        expression = (
            "title_words : (" + " AND ".join(parts) + f") AND {language_expression(languages)}"
        )
        scores = self._scores(expression, limit=200)
        if not scores:
            return []
        rows = queryset.filter(id__in=list(scores)).values_list("id", "title", "url", "language")
        return sorted(rows, key=lambda row: -scores[row[0]])[:limit]
