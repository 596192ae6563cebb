"""PostgreSQL: ``tsvector`` columns of the words and forms that ``search.text`` computes.

The analysis is the same as SQLite's and Elasticsearch's, done in Python
(accent and punt volat folding, Snowball stems, lemmas), so a word matches the
same entries on every database and nothing depends on a PostgreSQL text search
configuration per language; the vectors use the ``simple`` configuration,
which only splits the already-analysed words.

* ``search_vector``: every word's lemma key and stem, weighted A title,
  B summary, C body, D attached files; matched through GIN indexes (one
  partial index per language) and ranked with ``ts_rank``;
* ``word_vector``: the words themselves in order, same weights, for protected
  words (ESS), exact forms, phrases (``<->``) and the "did you mean" vocabulary;
  the pool's ``ts_rank`` is multiplied by the share of the query its title
  holds (``search.coverage``);
* ``title_stems``: the title's forms, small and inline, so "is a query word in
  the title?" costs nothing per row; ``title_vector``: the title's words, for
  autocomplete prefixes.

Query words reach ``to_tsquery`` as bound parameters, each quoted as a lexeme:
nothing the user types is parsed as tsquery syntax.
"""

from django.db import connection

from .. import coverage, text
from .base import Match, SearchBackend

# A tsvector is limited to 1 MB; long files are cut well before that.
MAX_TEXT = 400_000
TABLE = "search_searchentry"
# ts_rank's weights for D (files), C (body), B (summary) and A (title).
RANK_WEIGHTS = "'{0.05, 0.25, 0.5, 1.0}'::float4[]"
WEIGHTS = ("A", "B", "C", "D")
# ts_rank divides by 1 + log(length): a long page repeating a word does not bury a
# short one named after it (PostgreSQL has no idf to do it).
NORMALISATION = 1


def lexeme(word):
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def _tsquery(vector, expression):
    return f"{TABLE}.{vector} @@ to_tsquery('simple', %s)", [expression]


def _forms(term, language):
    return list(dict.fromkeys(text.query_forms((term.raw or term.words)[0], language)))


def _either(terms, languages):
    """(tsquery text of the plain terms' forms, of the phrases and exact words): any may match."""
    forms = dict.fromkeys(
        form
        for term in terms
        if not (term.phrase or term.exact)
        for code in languages
        for form in _forms(term, code)
    )
    words = [
        " <-> ".join(lexeme(w) for w in term.words) for term in terms if term.phrase or term.exact
    ]
    return " | ".join(lexeme(form) for form in forms), " | ".join(f"({w})" for w in words)


def where_sql(query, languages):
    """The query as one ``@@`` per vector wherever it can be.

    Every group of plain words goes into one ``tsquery`` of ``search_vector``
    (``(a | b) & (c | d)``; with ``match_any``, every word of every group in one
    ``|``), so a single GIN scan answers it: an ``OR`` of several ``@@`` would
    have the planner read each of a language's rows and test its vector
    instead. A group with a phrase or an exact word adds its ``word_vector``
    condition.
    """
    groups = (
        [[term for group in query.groups for term in group]] if query.match_any else query.groups
    )
    plain, conditions = [], []
    for group in groups:
        forms, words = _either(group, languages)
        if not words:
            plain.append(forms)
            continue
        either = ([_tsquery("search_vector", forms)] if forms else []) + [
            _tsquery("word_vector", words)
        ]
        conditions.append(
            (
                "(" + " OR ".join(sql for sql, _p in either) + ")",
                [p for _s, ps in either for p in ps],
            )
        )
    if plain:
        conditions.insert(0, _tsquery("search_vector", " & ".join(f"({f})" for f in plain)))
    return (
        "(" + " AND ".join(sql for sql, _p in conditions) + ")",
        [value for _sql, values in conditions for value in values],
    )


def any_forms(query, languages):
    """A tsquery text of every form of every plain word (for ranking and titles)."""
    forms = dict.fromkeys(
        form
        for group in query.groups
        for term in group
        if not (term.phrase or term.exact)
        for code in languages
        for form in _forms(term, code)
    )
    return " | ".join(lexeme(form) for form in forms)


def any_words(query):
    """A tsquery text of every term as written: exact words and phrases."""
    terms = [
        " <-> ".join(lexeme(w) for w in term.words) for group in query.groups for term in group
    ]
    return " | ".join(f"({t})" for t in terms)


def _rank_sql(vector):
    return f"ts_rank({RANK_WEIGHTS}, {vector}, to_tsquery('simple', %s), {NORMALISATION})"


def _weighted(parts):
    sql = " || ".join(
        f"setweight(to_tsvector('simple', %s), '{weight}')" for weight in WEIGHTS[: len(parts)]
    )
    return sql, [part[:MAX_TEXT] for part in parts]


class PostgresBackend(SearchBackend):
    name = "postgres"

    def index(self, texts):
        weighted, _params = _weighted(["", "", "", ""])
        rows = []
        for item in texts:
            parts = (item.title, item.lead, item.body, item.files)
            form_texts = [" ".join(text.forms(p, item.language))[:MAX_TEXT] for p in parts]
            word_texts = [" ".join(text.words(p))[:MAX_TEXT] for p in parts]
            rows.append((*form_texts, *word_texts, word_texts[0], form_texts[0], item.entry_id))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {TABLE} SET search_vector = {weighted}, word_vector = {weighted}, "
                "title_vector = to_tsvector('simple', %s), "
                "title_stems = to_tsvector('simple', %s) WHERE id = %s",
                rows,
            )

    def remove(self, entry_ids):
        # The vectors live on the entry row: deleting the entry removes them.
        return None

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET search_vector = NULL, word_vector = NULL, "
                "title_vector = NULL, title_stems = NULL"
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
        forms = any_forms(query, languages)
        title = (
            (f"coalesce({TABLE}.title_stems @@ to_tsquery('simple', %s), false)", [forms])
            if forms
            else None
        )
        return Match(where=where_sql(query, languages), title=title)

    def scores(self, query, languages, entry_ids):
        if not entry_ids:
            return {}
        forms = any_forms(query, languages)
        forms_rank = _rank_sql("search_vector") if forms else "0"
        words_rank = _rank_sql("word_vector")
        params = ([forms] if forms else []) + [any_words(query), list(entry_ids)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, {forms_rank} + {words_rank}, title, language FROM {TABLE} "
                "WHERE id = ANY(%s)",
                params,
            )
            return {
                entry_id: score * coverage.factor(query, text.analyse(title, language), language)
                for entry_id, score, title, language in cursor.fetchall()
            }

    def suggest(self, words, languages, queryset, limit):
        # Prefix search on the title words; each word is a quoted lexeme.
        expression = " & ".join([lexeme(word) for word in words[:-1]] + [lexeme(words[-1]) + ":*"])
        return list(
            queryset.extra(
                where=[f"{TABLE}.title_vector @@ to_tsquery('simple', %s)"], params=[expression]
            ).values_list("id", "title", "url", "language")[:limit]
        )

    def vocabulary(self, language):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat(format("
                f"'SELECT word_vector FROM {TABLE} WHERE language = %%L', %s::text))",
                [language],
            )
            return dict(cursor.fetchall())
