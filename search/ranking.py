"""The ranked pool's order: the backend's score weighed by the visitor's language,
the page type (``settings.SEARCH_TYPE_WEIGHTS``, and more when the query names
that type), and, for a file, its being below the pages that use it; a long
query's fallback first by how many words match.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.documents import get_document_model

from . import text
from .facets import type_key
from .query import ParsedQuery

PREFERRED_LANGUAGE_BOOST = 1.5
# A file found by its own text ranks below the page that uses it (whose entry
# holds the same text as its attached files', in a longer row that bm25 weighs
# down): the page is the way into its files.
DOCUMENT_FACTOR = 0.2


# A query naming a page type ("guia cures", "plan de trabajo", "guides") puts the
# entries of that type first: the visitor said which kind of page they want.
NAMED_TYPE_BOOST = 2.0


@lru_cache(maxsize=256)
def _type_name_keys(content_type_id, language):
    """The lemma keys of a page type's name in a language ("guia" for a guide in Catalan)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return frozenset()
    with translation.override(language):
        name = str(model._meta.verbose_name)
    stop_words = text.stop_words()
    return frozenset(
        text.key(word, language)
        for word in re.findall(r"[^\W_]+", name.casefold())
        if text.normalise(word) not in stop_words
    )


def _query_keys(query, language):
    return {
        text.key(raw, language)
        for group in query.groups
        for term in group[:1]
        if not term.exact
        for raw in term.raw or term.words
    }


def _named_types(query, pool):
    """``{(content type id, language)}`` of the pool's page types the query names."""
    named, keys = set(), {}
    for candidate in pool:
        pair = (candidate.content_type_id, candidate.language)
        if not candidate.content_type_id or pair in named:
            continue
        if candidate.language not in keys:
            keys[candidate.language] = _query_keys(query, candidate.language)
        name = _type_name_keys(*pair)
        if name and name <= keys[candidate.language]:
            named.add(pair)
    return named


def _type_weight(content_type_id, document_type):
    if content_type_id == document_type:
        return DOCUMENT_FACTOR
    return settings.SEARCH_TYPE_WEIGHTS.get(type_key(content_type_id), 1.0)


def type_tier_sql():
    """SQL of a page type's tier for choosing the pool: 2 weighed up, 1 as is, 0 down."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    up, down = [], [document_type]
    for key, weight in settings.SEARCH_TYPE_WEIGHTS.items():
        app_label, _dot, model = key.partition(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
        except ContentType.DoesNotExist:
            continue
        (up if weight > 1 else down if weight < 1 else []).append(content_type.pk)
    column = "search_searchentry.content_type_id"
    cases = [
        f"WHEN {column} IN ({', '.join(map(str, ids))}) THEN {tier}"
        for ids, tier in ((up, 2), (down, 0))
        if ids
    ]
    return f"(CASE {' '.join(cases)} ELSE 1 END)"


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


def rank_pool(pool, scores, preferred_language, coverage=None, query=None):
    """The pool's entry ids, most relevant first (the visitor's language preferred)."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    maxima = _per_language_maxima(pool, scores)
    several = len(maxima) > 1
    named = _named_types(query, pool) if query else set()

    def key(candidate):
        boost = PREFERRED_LANGUAGE_BOOST if candidate.language == preferred_language else 1.0
        if candidate.content_type_id:
            boost *= _type_weight(candidate.content_type_id, document_type)
        if (candidate.content_type_id, candidate.language) in named:
            boost *= NAMED_TYPE_BOOST
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
