"""The contract every search backend fulfils."""

from dataclasses import dataclass


@dataclass
class IndexedText:
    """What a backend stores for one ``SearchEntry``: four weighted texts."""

    entry_id: int
    language: str
    title: str
    body: str
    files: str
    lead: str = ""  # the summary or introduction: weighs more than the body


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
        """Up to ``limit`` entries of ``queryset`` whose title has words starting with
        ``words`` (the last one a prefix), as ``(id, title, url, language)``; the
        engine orders them."""
        raise NotImplementedError

    def vocabulary(self, language):
        """``{word: number of entries}`` of the language's indexed titles and texts.

        It may include words of entries the public cannot see: "did you mean"
        offers a word only once a search limited to public entries finds it.
        """
        return {}
