"""The ranked pool's order: the backend's score weighed by the visitor's language,
the page type (``settings.SEARCH_TYPE_WEIGHTS``) and, for a file, its being
below the pages that use it; a long query's fallback first by how many words match.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.documents import get_document_model

from .facets import type_key
from .query import ParsedQuery

PREFERRED_LANGUAGE_BOOST = 1.5
# A file found by its own text ranks below the page that uses it (whose entry
# holds the same text as its attached files', in a longer row that bm25 weighs
# down): the page is the way into its files.
DOCUMENT_FACTOR = 0.2


def _per_language_maxima(pool, scores):
    """Each language's best score: scores come from each language's own statistics
    (and words have more or fewer forms in each), so they compare only within it."""
    maxima = {}
    for candidate in pool:
        score = scores.get(candidate.entry_id) or 0
        maxima[candidate.language] = max(maxima.get(candidate.language, 0), score)
    return maxima


def words_matched(query, languages, backend, entry_ids):
    """How many of the query's groups each entry matches (a long query's fallback)."""
    counts = {}
    for group in query.groups:
        one = ParsedQuery(query.raw, query.terms, [group])
        for entry_id in backend.scores(one, languages, entry_ids):
            counts[entry_id] = counts.get(entry_id, 0) + 1
    return counts


def rank_pool(pool, scores, preferred_language, coverage=None):
    """The pool's entry ids, most relevant first (the visitor's language preferred)."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    maxima = _per_language_maxima(pool, scores)
    several = len(maxima) > 1

    type_weights = settings.SEARCH_TYPE_WEIGHTS

    def key(candidate):
        boost = PREFERRED_LANGUAGE_BOOST if candidate.language == preferred_language else 1.0
        if candidate.content_type_id:
            boost *= type_weights.get(type_key(candidate.content_type_id), 1.0)
        if candidate.content_type_id == document_type:
            boost *= DOCUMENT_FACTOR
        if several and maxima[candidate.language]:
            boost /= maxima[candidate.language]
        score = (scores.get(candidate.entry_id) or 0) * boost
        matched = (coverage or {}).get(candidate.entry_id, 0)
        return (matched, score, candidate.sort_key, candidate.entry_id)

    return [candidate.entry_id for candidate in sorted(pool, key=key, reverse=True)]


def window_ids(retrieved, ranked_pool, window):
    """The shown page's entry ids, from the ranked pool and what lies beyond it."""
    if window.sort == "date":
        return retrieved.rest
    shown = ranked_pool[window.start : window.start + window.size]
    return shown + retrieved.rest[: window.size - len(shown)]
