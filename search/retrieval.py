"""One SQL statement per search: the facet combinations and the entries to rank.

The matching entries (full-text condition, visibility, language) are
materialised once; the statement then returns

* their facet combinations with counts (type, year, working group, topics,
  language, how many), from which the engine derives the total and every
  facet's counts in Python: a few hundred rows, however many entries match;
* the entries of the results window in a cheap order. Sorted by date, that is
  the shown page itself. Sorted by relevance, it is a pool of candidates
  (entries with a query word in the title first, then those in the visitor's
  language, then the newest) that the backend ranks exactly, followed by any
  part of the window that lies beyond the pool, in the same cheap order.

So a query matching most of a 50,000-page site costs one pass over its matches
and a few hundred exact rankings, instead of ranking and transferring every
match. When fewer entries match than the pool holds, every one is ranked.
"""

import contextlib
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction

from .ranking import type_tier_sql

POOL_SIZE = 200
COLUMNS = "id, ct, year, wg, topics, lang, sort_key"
# Days since 1970 (entries without a date come last).
DAY_NUMBER = {
    "postgresql": "COALESCE(search_searchentry.date - DATE '1970-01-01', -100000)",
    "sqlite": "COALESCE(CAST(julianday(search_searchentry.date) - 2440587.5 AS INTEGER), -100000)",
}
# Relevance's cheap order: title matches first, then the visitor's language,
# then the page types the ranking weighs up (``ranking.type_tier_sql``: guides,
# groups, news before general pages, files last), then the newest. An undated
# group named after the words is thus ranked even when thousands of newer pages
# match. One integer, so that choosing the pool among tens of thousands of
# matches is a top-N sort on (sort_key, id).
RELEVANCE_KEY = (
    "(((CASE WHEN {title} THEN 2 ELSE 0 END"
    " + CASE WHEN search_searchentry.language = %s THEN 1 ELSE 0 END) * 3 + {tier})"
    " * 1000000 + {day})"
)
ORDER = "sort_key DESC, id DESC"
COMBINATIONS, POOL, REST = 0, 1, 2


@dataclass(frozen=True)
class Combination:
    content_type_id: int
    year: int | None
    working_group_id: int | None
    topic_ids: str
    language: str
    count: int


@dataclass(frozen=True)
class Candidate:
    entry_id: int
    language: str
    sort_key: int
    content_type_id: int | None = None


@dataclass
class Retrieved:
    combinations: list
    pool: list
    rest: list


@dataclass(frozen=True)
class Window:
    """Which ordered positions to fetch: ``start`` and ``size``, by ``sort``."""

    sort: str
    start: int
    size: int
    preferred_language: str
    pool_size: int | None = POOL_SIZE  # None: rank every match (the backend knows all scores)


def _ranked_branch(part, where, limit, offset):
    limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
    offset_sql = f" OFFSET {int(offset)}" if offset else ""
    return (
        f"SELECT * FROM (SELECT {part}, id, ct, CAST(NULL AS INTEGER), "
        f"CAST(NULL AS INTEGER), CAST(NULL AS TEXT), lang, sort_key FROM m{where} "
        f"ORDER BY {ORDER}{limit_sql}{offset_sql}) AS part{part}"
    )


def statement(matching_sql, matching_params, filters, window):
    """The SQL and parameters of the search statement.

    ``matching_sql`` selects ``COLUMNS`` of the matching, visible entries;
    ``filters`` is a list of ``(sql, params)`` conditions on those columns.
    """
    parts = [
        f"SELECT {COMBINATIONS}, CAST(NULL AS INTEGER), ct, year, wg, topics, lang, COUNT(*) "
        "FROM m GROUP BY ct, year, wg, topics, lang"
    ]
    where = " WHERE " + " AND ".join(sql for sql, _params in filters) if filters else ""
    filter_params = [value for _sql, values in filters for value in values]
    params = list(matching_params)
    end = window.start + window.size
    if window.sort == "date":
        parts.append(_ranked_branch(REST, where, window.size, window.start))
        params += filter_params
    else:
        pool_size = window.pool_size
        if pool_size is None or window.start < pool_size:
            parts.append(_ranked_branch(POOL, where, pool_size, 0))
            params += filter_params
        if pool_size is not None and end > pool_size:
            rest_start = max(window.start, pool_size)
            parts.append(_ranked_branch(REST, where, end - rest_start, rest_start))
            params += filter_params
    sql = f"WITH m ({COLUMNS}) AS MATERIALIZED ({matching_sql}) " + " UNION ALL ".join(parts)
    return sql, params


# Local to a search's transaction: no sequential scans, and no JIT compilation.
PLANNER_SETTINGS = {"enable_seqscan": "off", "jit": "off"}


@contextlib.contextmanager
def index_scans():
    """On PostgreSQL, keep the planner on the full-text indexes inside this block.

    The planner does not know that testing a TOASTed vector row by row costs
    microseconds each, so for a word most entries contain it prefers a
    sequential scan that reads every vector, several times slower than the GIN
    index (which answers without reading them). Turning sequential scans off
    adds a huge cost to any that remain (small tables), which then passes
    ``jit_above_cost``: each statement would be JIT-compiled with every
    optimisation, about 1.5 s for a query that runs in milliseconds; so JIT is
    off too. The settings are local to the transaction and put back on
    leaving; when the block fails inside a transaction that can no longer run
    queries, its rollback undoes them. Blocks nest: a whole search (its first
    pass, "did you mean" and the corrected pass) pays for one.
    """
    if connection.vendor != "postgresql" or getattr(connection, "_index_scans_on", False):
        yield
        return
    # Outside a transaction, one for the block; inside one, no savepoint (two queries each).
    block = contextlib.nullcontext() if connection.in_atomic_block else transaction.atomic()
    names = list(PLANNER_SETTINGS)
    with block, connection.cursor() as cursor:
        cursor.execute(
            "SELECT "
            + ", ".join("current_setting(%s), set_config(%s, %s, true)" for _name in names),
            [value for name in names for value in (name, name, PLANNER_SETTINGS[name])],
        )
        previous = cursor.fetchone()[::2]
        connection._index_scans_on = True
        try:
            yield
        finally:
            connection._index_scans_on = False
            with contextlib.suppress(DatabaseError):
                cursor.execute(
                    "SELECT " + ", ".join("set_config(%s, %s, true)" for _name in names),
                    [value for pair in zip(names, previous, strict=True) for value in pair],
                )


def _sort_key(match, window):
    day = DAY_NUMBER.get(connection.vendor, DAY_NUMBER["postgresql"])
    if window.sort == "date":
        return day, []
    title_sql, title_params = match.title or ("1 = 0", [])
    key = RELEVANCE_KEY.format(title=title_sql, day=day, tier=type_tier_sql())
    return key, [*title_params, window.preferred_language]


MATCHING_FIELDS = (
    "id",
    "content_type_id",
    "year",
    "working_group_id",
    "topic_ids",
    "language",
    "sort_key",
)
_SORT_KEY_MARK = "__search_sort_key__"
_MATCH_MARK = "__search_match__"


@dataclass(frozen=True)
class MatchingTemplate:
    """A queryset's SELECT of ``fields``, compiled once, with a place for the full-text
    condition of each query (and for the sort key, when ``sort_key`` is a field).

    Compiling the visibility subqueries is most of the ORM's work in a search, and
    they change only when the public view does: the engine keeps its templates as
    long as it keeps the queryset (``operations.public_snapshot``). The sort key is
    the only parameter in the SELECT list and the full-text condition the last one
    in the WHERE clause, so the parameters are the key's, the queryset's, the
    match's, in that order (``tests/search/test_matching_template.py`` checks the
    statements against the ones the ORM builds).
    """

    sql: str
    params: tuple

    @classmethod
    def compile(cls, queryset, fields=MATCHING_FIELDS):
        keyed = "sort_key" in fields
        select = {"sort_key": _SORT_KEY_MARK} if keyed else {}
        queryset = queryset.extra(select=select, where=[_MATCH_MARK]).values_list(*fields)
        sql, params = queryset.query.sql_with_params()
        if sql.count(_SORT_KEY_MARK) != int(keyed) or sql.count(_MATCH_MARK) != 1:
            raise ValueError("the compiled SQL has no single place for the key and the match")
        return cls(sql, tuple(params))

    def matching(self, match_where, key=("", ())):
        """The SQL and parameters selecting the entries that ``match_where`` finds."""
        (match_sql, match_params), (key_sql, key_params) = match_where, key
        sql = self.sql.replace(_MATCH_MARK, match_sql).replace(_SORT_KEY_MARK, key_sql)
        return sql, [*key_params, *self.params, *match_params]


def retrieve(template, match, filters, window):
    """Run the statement for the visible entries (``template``) that ``match`` finds."""
    matching_sql, matching_params = template.matching(match.where, _sort_key(match, window))
    sql, params = statement(matching_sql, matching_params, filters, window)
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    result = Retrieved(combinations=[], pool=[], rest=[])
    rest = []
    for part, entry_id, ct, year, wg, topics, lang, value in rows:
        if part == COMBINATIONS:  # value is the combination's count
            result.combinations.append(Combination(ct, year, wg, topics or "", lang, value))
        elif part == POOL:
            result.pool.append(Candidate(entry_id, lang, value, ct))
        else:
            rest.append((value, entry_id))
    # A UNION does not promise to keep its branches' order: restore it.
    result.rest = [entry_id for _key, entry_id in sorted(rest, reverse=True)]
    return result
