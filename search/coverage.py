"""How much of a query an entry's title holds: a page named after the words ranks first.

Every backend's score (bm25, ``ts_rank``) weighs a word in a short title above
the same word in a long one, so "guia cures" would put the group "Polítiques de
cures" (one word of two, in a three-word title) above the "Guia sobre
polítiques públiques de l'àmbit de les cures" (both words). The share of the
query's groups found in the title multiplies the score instead: each group
counts 1 when the title holds what was typed (as written, by lemma key or by
stem; a phrase as that sequence of words), ``SYNONYM_SHARE`` when it holds
only a synonym ("Llei d'ESS" for "economia social i solidària").
"""

from . import text

# A title holding every group doubles and then some: 1 + TITLE_WEIGHT.
TITLE_WEIGHT = 2.0
SYNONYM_SHARE = 0.5


def _holds(term, title, language):
    words, keys, stems = title
    if term.phrase or term.exact:
        size = len(term.words)
        return any(tuple(words[i : i + size]) == term.words for i in range(len(words) - size + 1))
    key, stem = text.query_forms((term.raw or term.words)[0], language)
    return term.words[0] in words or key in keys or stem in stems


def share(query, title, language):
    """The share (0 to 1) of ``query``'s groups that ``title`` holds.

    ``title`` is ``(words, lemma keys, stems)`` as ``text.analyse`` gives them.
    """
    if not query.groups:
        return 0.0
    found = 0.0
    for typed, *synonyms in query.groups:
        if _holds(typed, title, language):
            found += 1
        elif any(_holds(term, title, language) for term in synonyms):
            found += SYNONYM_SHARE
    return found / len(query.groups)


def factor(query, title, language):
    """What an entry's score is multiplied by for the query words its title holds."""
    return 1 + TITLE_WEIGHT * share(query, title, language)
