"""The contract every search backend fulfils."""

from dataclasses import dataclass


@dataclass
class IndexedText:
    """What a backend stores for one ``SearchEntry``: three weighted texts."""

    entry_id: int
    language: str
    title: str
    body: str
    files: str


class BackendUnavailable(Exception):
    """The search engine cannot answer now (an Elasticsearch server down or timing out)."""


@dataclass
class Match:
    """How a backend finds a query's entries, as SQL the engine's one statement embeds.

    ``where`` is a condition on a ``search_searchentry`` row that holds when the
    entry matches; ``title`` (or ``None``) a cheap condition that holds when a
    query word is in its title, used to choose which matches are ranked
    exactly. Each is ``(sql, params)``. A backend that already knows every
    match's score (Elasticsearch) gives them in ``scores``.
    """

    where: tuple
    title: tuple | None = None
    scores: dict | None = None


class SearchBackend:
    name = "base"

    def index(self, texts):
        """Store or replace the full text of these entries (a list of ``IndexedText``)."""
        raise NotImplementedError

    def remove(self, entry_ids):
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    def after_rebuild(self):
        """Housekeeping once a full rebuild has written every entry."""

    def match(self, query, languages):
        """The ``Match`` of a parsed query in ``languages`` (content language codes)."""
        raise NotImplementedError

    def scores(self, query, languages, entry_ids):
        """``{entry id: relevance}`` for these matching entries (a bounded few hundred).

        Not called for a backend whose ``Match`` already carries every score.
        """
        raise NotImplementedError

    def suggest(self, words, languages, queryset, limit):
        """Entries whose title has words starting with ``words`` (the last one a prefix)."""
        raise NotImplementedError
