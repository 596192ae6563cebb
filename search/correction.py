""" "Did you mean": the nearest words of the index's own vocabulary, per language.

A query word that is in no entry is compared (Levenshtein distance, with
``rapidfuzz``) with the words of the language's titles and texts: one edit
for words of up to five letters, two beyond. The correction is *unambiguous*
when one candidate is nearest, or when among equally near ones a single
candidate is in at least twice as many entries as any other.

The backend's vocabulary may hold words of entries the public cannot see
(drafts are never indexed, but private files and pages under a restriction
are), so a corrected word is offered only after a search limited to public
entries finds it in exactly that form (``engine.search`` of it in quotes):
nothing unpublished can leak through a suggestion.
"""

import time
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from . import text

CACHE_SECONDS = 300
MIN_LENGTH = 3
_vocabularies = {}


@dataclass
class Correction:
    query: str  # the corrected query, as the visitor typed it with the words replaced
    unambiguous: bool


def vocabulary(backend, language):
    """The language's words (cached a few minutes per process: new words appear later)."""
    key = (backend.name, language)
    cached = _vocabularies.get(key)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    words = {
        word: count
        for word, count in backend.vocabulary(language).items()
        if len(word) >= MIN_LENGTH and word.isalpha()
    }
    _vocabularies[key] = (time.monotonic() + CACHE_SECONDS, words)
    return words


def forget():
    """Drop the cached vocabularies (tests, a rebuild)."""
    _vocabularies.clear()


def nearest(word, words):
    """(best candidate or None, unambiguous) for one word not in ``words``."""
    limit = 1 if len(word) <= 5 else 2
    found = process.extract(
        word, list(words), scorer=Levenshtein.distance, score_cutoff=limit, limit=20
    )
    if not found:
        return None, False
    best_distance = min(distance for _candidate, distance, _index in found)
    nearest_ones = sorted(
        [(words[c], c) for c, distance, _index in found if distance == best_distance],
        reverse=True,
    )
    if len(nearest_ones) == 1:
        return nearest_ones[0][1], True
    (first_count, first), (second_count, _second) = nearest_ones[:2]
    return first, first_count >= 2 * second_count


def correct(query, languages, backend):
    """A ``Correction`` of a parsed query's unknown words, or ``None``."""
    words = {}
    for language in languages:
        for word, count in vocabulary(backend, language).items():
            words[word] = words.get(word, 0) + count
    if not words:
        return None
    replacements, unambiguous = {}, True
    for group in query.groups:
        if len(group) > 1:
            continue  # an editor's synonym is no typo ("ESSX" ↔ "economia transformadora")
        for term in group[:1]:
            for word in term.words:
                if word in words or len(word) < MIN_LENGTH or not word.isalpha():
                    continue
                candidate, clear = nearest(word, words)
                if candidate:
                    replacements[word] = candidate
                    unambiguous = unambiguous and clear
    if not replacements:
        return None
    corrected = " ".join(replacements.get(word, word) for word in text.words(query.raw))
    return Correction(corrected, unambiguous)
