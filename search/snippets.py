"""What each shown result says: its highlighted excerpt and the attached files
that matched (whose forms it shares with the query).
"""

from dataclasses import dataclass

from . import text
from .facets import type_label
from .models import SearchEntry


@dataclass
class Hit:
    entry: SearchEntry
    type_label: str
    group_title: str
    snippet: str
    matched_files: list
    snippet_file: str = ""


def _forms_of(query, languages):
    return {
        form
        for group in query.groups
        for term in group
        for word in term.raw or term.words
        for language in languages
        for form in text.query_forms(word, language)
    }


def build_hits(entries, attachments, query, languages):
    wanted = _forms_of(query, languages)
    files_by_entry = {}
    for attachment in attachments:
        if wanted & set(attachment.stems.split()):
            files_by_entry.setdefault(attachment.entry_id, []).append(attachment)
    hits = []
    for entry in entries:
        matched_files = files_by_entry.get(entry.pk, [])
        snippet, found = text.highlight(entry.body, query.all_words, languages)
        snippet_file = ""
        if not found and matched_files:
            snippet, found = text.highlight(
                matched_files[0].excerpt_source, query.all_words, languages
            )
            snippet_file = matched_files[0].title
        hits.append(
            Hit(entry, type_label(entry.content_type_id), "", snippet, matched_files, snippet_file)
        )
    return hits
