"""A user's query as the backends receive it: plain words grouped with their synonyms.

``ParsedQuery.groups`` is an AND of groups; a group is an OR of alternatives; an
alternative is an AND of normalised words. "ess habitatge" with the synonym
"ESS" ↔ "economia social i solidària" becomes
``[[["ess"], ["economia", "social", "solidaria"]], [["habitatge"]]]``.
Only words ever reach a backend, never the user's punctuation.
"""

from dataclasses import dataclass, field

from . import text


@dataclass
class ParsedQuery:
    raw: str
    terms: list[str]
    groups: list[list[list[str]]] = field(default_factory=list)

    def __bool__(self):
        return bool(self.groups)

    @property
    def all_words(self):
        """Every word that may match, synonyms included (for highlighting)."""
        seen = dict.fromkeys(word for group in self.groups for alt in group for word in alt)
        return list(seen)


def _significant(words):
    kept = [word for word in words if word not in text.STOPWORDS]
    return kept or words


def parse(raw_query, synonym_sets=()):
    """Parse a raw query; ``synonym_sets`` is a list of lists of expressions (strings)."""
    terms = text.query_terms(raw_query)
    expressions = []
    for expressions_of_set in synonym_sets:
        normalised = [tuple(text.words(expr)) for expr in expressions_of_set]
        normalised = [expr for expr in normalised if expr]
        for expr in normalised:
            expressions.append((expr, normalised))
    # Longest expressions first, so "economia social i solidaria" wins over "economia".
    expressions.sort(key=lambda item: len(item[0]), reverse=True)

    groups = []
    position = 0
    while position < len(terms):
        for expr, alternatives in expressions:
            if tuple(terms[position : position + len(expr)]) == expr:
                groups.append([_significant(list(alt)) for alt in alternatives])
                position += len(expr)
                break
        else:
            groups.append([[terms[position]]])
            position += 1

    plain = [group for group in groups if len(group) > 1 or group[0][0] not in text.STOPWORDS]
    return ParsedQuery(raw=raw_query or "", terms=terms, groups=plain or groups)
