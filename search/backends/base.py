"""The contract every search backend fulfils."""

from dataclasses import dataclass

ROW_FIELDS = ("id", "content_type_id", "language", "year", "working_group_id", "topic_ids", "date")


@dataclass
class IndexedText:
    """What a backend stores for one ``SearchEntry``: three weighted texts."""

    entry_id: int
    language: str
    title: str
    body: str
    files: str


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

    def matches(self, query, languages, queryset):
        """Rows ``ROW_FIELDS + (score,)`` of ``queryset`` entries matching ``query``.

        ``languages`` is the list of content languages searched; ``queryset`` is
        already restricted to visible entries and the active filters.
        """
        raise NotImplementedError

    def suggest(self, words, languages, queryset, limit):
        """Entries whose title has words starting with ``words`` (the last one a prefix)."""
        raise NotImplementedError
