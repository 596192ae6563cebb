"""SQLite: one FTS5 table per content language, words and their forms, ranked with bm25.

A table per language keeps each language's statistics apart: bm25 weighs a
word by how rare it is among that language's entries, not among every entry
of the site. Each table has two sets of columns:

* ``title``, ``lead``, ``body``, ``files``: the normalised words in order
  (accents and punt volat folded), for exact forms, protected words (ESS) and
  phrases;
* ``title_keys`` … ``files_keys``: every word's lemma key (``search.text.key``),
  so plurals, genders and conjugations meet;
* ``title_stems`` … ``files_stems``: every word's Snowball stem.

A plain query word matches any of the three, so an entry holding the exact
form scores in more of them and ranks above one that only shares a lemma.

FTS5's bm25 normalises by the length of the whole row, so a word in the title
of a long page weighs little; a second, small table per language
(``search_fts_<code>_head``: title and summary only) scores the ranked pool's
title and summary matches on their own, and the two scores are added; the sum is
multiplied by the share of the query the title holds (``search.coverage``).
Each query word becomes a quoted FTS5 string: user input never reaches FTS5's
own syntax.
"""

from django.conf import settings
from django.db import connection

from .. import coverage, text
from .base import Match, SearchBackend

PREFIX = "search_fts_"
WORD_COLUMNS = ("title", "lead", "body", "files")
KEY_COLUMNS = tuple(f"{column}_keys" for column in WORD_COLUMNS)
STEM_COLUMNS = tuple(f"{column}_stems" for column in WORD_COLUMNS)
COLUMNS = WORD_COLUMNS + KEY_COLUMNS + STEM_COLUMNS
# Title, then the summary, then the page's own text, then its attached files.
# The lemma key counts most; the exact form and the stem add a little: enough
# to rank the very word first among equals, never a word in the body above a
# form of it in a title.
# (A rare surface form has a far higher idf than its lemma, hence the small factor.)
WEIGHTS = (0.2, 0.1, 0.02, 0.004) + (10.0, 5.0, 1.0, 0.2) + (0.2, 0.1, 0.02, 0.004)


def table(language):
    return PREFIX + language


HEAD_COLUMNS = ("title", "lead", "title_keys", "lead_keys", "title_stems", "lead_stems")
HEAD_WEIGHTS = (0.2, 0.1, 10.0, 5.0, 0.2, 0.1)
# How much a title or summary match counts against one in the whole text.
HEAD_FACTOR = 2.0


def head_table(language):
    return table(language) + "_head"


def create_tables_sql(language):
    """The statements creating a language's two tables (if missing)."""
    tokenizer = "tokenize='unicode61 remove_diacritics 2'"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table(language)} "
        f"USING fts5({', '.join(COLUMNS)}, {tokenizer})",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {head_table(language)} "
        f"USING fts5({', '.join(HEAD_COLUMNS)}, {tokenizer})",
    ]


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def fts_string(token):
    return '"' + token.replace('"', '""') + '"'


def _columns(names):
    return "{" + " ".join(names) + "}"


def term_expression(term, language, columns=COLUMNS):
    """One ``search.query.Term`` as an FTS5 expression over ``columns`` of a language's table."""
    words = [c for c in columns if c in WORD_COLUMNS]
    exact = f"{_columns(words)} : {fts_string(' '.join(term.words))}"
    if term.phrase or term.exact:
        return f"({exact})"
    key, stem = text.query_forms((term.raw or term.words)[0], language)
    keys = [c for c in columns if c in KEY_COLUMNS]
    stems = [c for c in columns if c in STEM_COLUMNS]
    return (
        f"({exact} OR {_columns(keys)} : {fts_string(key)}"
        f" OR {_columns(stems)} : {fts_string(stem)})"
    )


def head_expression(query, language):
    """Any term of the query in the title or summary (more terms, higher score)."""
    terms = [term_expression(t, language, HEAD_COLUMNS) for group in query.groups for t in group]
    return " OR ".join(terms)


def match_expression(query, language):
    groups = [
        "(" + " OR ".join(term_expression(term, language) for term in group) + ")"
        for group in query.groups
    ]
    return (" OR " if query.match_any else " AND ").join(groups)


def title_expression(query, language):
    """Any query word (or synonym) in the title, as written or by its lemma key."""
    words, keys = {}, {}
    for group in query.groups:
        for term in group:
            for word, raw in zip(term.words, term.raw or term.words, strict=False):
                words[word] = True
                if not term.exact:
                    keys[text.key(raw, language)] = True
    parts = [f"title : ({' OR '.join(fts_string(w) for w in words)})"]
    if keys:
        parts.append(f"title_keys : ({' OR '.join(fts_string(k) for k in keys)})")
    return " OR ".join(parts)


def matching_sql(expressions):
    """Entries matching ``{language: expression}`` (a subquery: joined, SQLite re-runs MATCH)."""
    parts = [f"SELECT rowid FROM {table(c)} WHERE {table(c)} MATCH %s" for c in expressions]
    sql = f"search_searchentry.id IN ({' UNION ALL '.join(parts)})"
    return sql, list(expressions.values())


class SQLiteBackend(SearchBackend):
    name = "sqlite"

    def ensure_tables(self, languages=None):
        with connection.cursor() as cursor:
            for language in languages or content_languages():
                for statement in create_tables_sql(language):
                    cursor.execute(statement)

    def index(self, texts):
        by_language, heads = {}, {}
        for item in texts:
            analysed = [
                text.analyse(part, item.language)
                for part in (item.title, item.lead, item.body, item.files)
            ]
            row = (
                item.entry_id,
                *(" ".join(words) for words, _keys, _stems in analysed),
                *(" ".join(keys) for _words, keys, _stems in analysed),
                *(" ".join(stems) for _words, _keys, stems in analysed),
            )
            by_language.setdefault(item.language, []).append(row)
            head = (
                item.entry_id,
                *(" ".join(analysed[part][kind]) for kind in (0, 1, 2) for part in (0, 1)),
            )
            heads.setdefault(item.language, []).append(head)
        self.remove([item.entry_id for item in texts])
        self.ensure_tables(list(by_language))
        columns = ", ".join(("rowid",) + COLUMNS)
        marks = ", ".join(["%s"] * (1 + len(COLUMNS)))
        with connection.cursor() as cursor:
            for language, rows in by_language.items():
                cursor.executemany(
                    f"INSERT INTO {table(language)} ({columns}) VALUES ({marks})", rows
                )
                cursor.executemany(
                    f"INSERT INTO {head_table(language)} (rowid, {', '.join(HEAD_COLUMNS)}) "
                    f"VALUES ({', '.join(['%s'] * (1 + len(HEAD_COLUMNS)))})",
                    heads[language],
                )

    def _tables(self):
        """Every language's table, including any of a language no longer configured."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE %s "
                "AND sql LIKE 'CREATE VIRTUAL TABLE%%'",
                [PREFIX + "%"],
            )
            return [name for (name,) in cursor.fetchall()]

    def remove(self, entry_ids):
        ids = [(i,) for i in entry_ids]
        if not ids:
            return
        with connection.cursor() as cursor:
            for name in self._tables():
                cursor.executemany(f"DELETE FROM {name} WHERE rowid = %s", ids)

    def clear(self):
        self.ensure_tables()
        with connection.cursor() as cursor:
            for name in self._tables():
                cursor.execute(f"DELETE FROM {name}")

    def after_rebuild(self):
        with connection.cursor() as cursor:
            for name in self._tables():
                cursor.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
            cursor.execute("ANALYZE")

    def match(self, query, languages):
        return Match(
            where=matching_sql({code: match_expression(query, code) for code in languages}),
            title=matching_sql({code: title_expression(query, code) for code in languages}),
        )

    def scores(self, query, languages, entry_ids):
        if not entry_ids:
            return {}
        entry_ids = list(entry_ids)
        marks = ", ".join(["%s"] * len(entry_ids))
        weights = ", ".join(str(w) for w in WEIGHTS)
        head_weights = ", ".join(str(w) for w in HEAD_WEIGHTS)
        scores = {}
        # "+rowid" keeps the id list out of FTS5's hands: given "rowid IN (…)" it
        # would run the whole query again for each id. Filtered by SQLite after
        # one MATCH, bm25 is computed for the listed rows only.
        with connection.cursor() as cursor:
            for code in languages:
                name = table(code)
                cursor.execute(
                    f"SELECT rowid, -bm25({name}, {weights}), title, title_keys, title_stems "
                    f"FROM {name} WHERE {name} MATCH %s AND +rowid IN ({marks})",
                    [match_expression(query, code), *entry_ids],
                )
                titles = {}
                for entry_id, score, *title in cursor.fetchall():
                    scores[entry_id] = score
                    titles[entry_id] = [part.split() for part in title]
                head = head_table(code)
                cursor.execute(
                    f"SELECT rowid, -bm25({head}, {head_weights}) FROM {head} "
                    f"WHERE {head} MATCH %s AND +rowid IN ({marks})",
                    [head_expression(query, code), *entry_ids],
                )
                for entry_id, score in cursor.fetchall():
                    if entry_id in titles:
                        scores[entry_id] += HEAD_FACTOR * score
                for entry_id, title in titles.items():
                    scores[entry_id] *= coverage.factor(query, title, code)
        return scores

    def suggest(self, words, languages, queryset, limit):
        parts = [fts_string(word) for word in words[:-1]] + [f"{fts_string(words[-1])} *"]
        expression = "title : (" + " AND ".join(parts) + ")"
        ids = []
        with connection.cursor() as cursor:
            for code in languages:
                name = table(code)
                cursor.execute(
                    f"SELECT rowid FROM {name} WHERE {name} MATCH %s LIMIT {int(limit)}",
                    [expression],
                )
                ids += [row[0] for row in cursor.fetchall()]
        if not ids:
            return []
        return list(queryset.filter(id__in=ids).values_list("id", "title", "url", "language"))

    def vocabulary(self, language):
        """Words of the language's titles and texts (public or not: callers check)."""
        name = table(language)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name}_vocabulary "
                f"USING fts5vocab(main, {name}, 'col')"
            )
            cursor.execute(
                f"SELECT term, SUM(doc) FROM temp.{name}_vocabulary "
                "WHERE col IN ('title', 'lead', 'body') GROUP BY term"
            )
            return dict(cursor.fetchall())
