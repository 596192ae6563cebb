"""A user's query as the backends receive it: terms grouped with their synonyms.

``ParsedQuery.groups`` is an AND of groups; a group is an OR of ``Term``; a
term is one word or a phrase (its words in this order). "ESS habitatge" with
the synonym "ESS" ↔ "economia social i solidària" becomes ``[[Term(("ess",),
exact), Term(("economia", "social", "i", "solidaria"))], [Term(("habitatge",))]]``.

* Text in double quotes is a phrase (one quoted word: that word exactly); an
  unbalanced quote is ignored, never an error.
* A word written in capitals (ESS, XES, XMESS) is *protected*: matched as
  itself, never through a stem or lemma that would turn it into a common word
  (a stop word in capitals, such as AND, is still a stop word).
* Synonyms are phrases, and each side finds the other; a group's first term is
  what was typed (a title holding it counts more than one holding a synonym).
* Stop words outside quotes are not required; a query of nothing else is
  ``only_stop_words`` (the engine says so instead of listing the whole site).

Only words ever reach a backend, never the user's punctuation.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from . import text

_QUOTES = re.compile('["“”«»„]')


@dataclass(frozen=True)
class Term:
    """One word, or a phrase; ``raw`` keeps the lower-case words as written (for lemmas)."""

    words: tuple
    raw: tuple = ()
    exact: bool = False

    @property
    def phrase(self):
        return len(self.words) > 1


@dataclass
class ParsedQuery:
    raw: str
    terms: list[str]
    groups: list[list[Term]] = field(default_factory=list)
    only_stop_words: bool = False
    # Long queries: match entries having any of the groups (ranked by how many).
    match_any: bool = False

    def __bool__(self):
        return bool(self.groups)

    @property
    def all_words(self):
        """Every word that may match, synonyms included (for highlighting)."""
        seen = dict.fromkeys(word for group in self.groups for t in group for word in t.words)
        return list(seen)

    def any_of(self):
        return ParsedQuery(self.raw, self.terms, self.groups, self.only_stop_words, True)


def _tokens(segment):
    """(normalised word, lower-case word as written, written in capitals) of a text."""
    folded = unicodedata.normalize("NFC", text.clean(segment))
    result = []
    for written in re.findall(r"[^\W_]+", text.fold_punt_volat(folded)):
        letters = [c for c in written if c.isalpha()]
        capitals = len(letters) >= 2 and all(c.isupper() for c in letters)
        result.append((text.normalise(written), written.casefold(), capitals))
    return result


def _segments(raw_query):
    """(text, quoted) pieces; a last, unclosed quote opens nothing."""
    pieces = _QUOTES.split(raw_query)
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one is ignored
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece.strip()]


def _expression_term(expression):
    tokens = _tokens(expression)
    exact = len(tokens) == 1 and tokens[0][2]
    return Term(tuple(t[0] for t in tokens), tuple(t[1] for t in tokens), exact)


def parse(raw_query, synonym_sets=()):
    """Parse a raw query; ``synonym_sets`` is a list of lists of expressions (strings)."""
    raw_query = (raw_query or "")[: text.MAX_QUERY_LENGTH]
    expressions = []
    for expressions_of_set in synonym_sets:
        alternatives = [_expression_term(expr) for expr in expressions_of_set]
        alternatives = list({t.words: t for t in alternatives if t.words}.values())
        for term in alternatives:
            expressions.append((term.words, alternatives))
    # Longest expressions first, so "economia social i solidaria" wins over "economia".
    expressions.sort(key=lambda item: len(item[0]), reverse=True)
    stop_words = text.stop_words()

    groups, count, stop_words_only = [], 0, True
    for segment, quoted in _segments(raw_query):
        tokens = _tokens(segment)[: text.MAX_QUERY_TERMS - count]
        count += len(tokens)
        if not tokens:
            continue
        if quoted:
            stop_words_only = False
            words = tuple(t[0] for t in tokens)
            groups.append([Term(words, tuple(t[1] for t in tokens), exact=len(words) == 1)])
            continue
        position = 0
        while position < len(tokens):
            words = tuple(t[0] for t in tokens)
            for expr, alternatives in expressions:
                if words[position : position + len(expr)] == expr:
                    # What was typed first: it counts fully, its synonyms less.
                    typed = [t for t in alternatives if t.words == expr]
                    groups.append(typed + [t for t in alternatives if t.words != expr])
                    position += len(expr)
                    stop_words_only = False
                    break
            else:
                word, written, capitals = tokens[position]
                position += 1
                if word in stop_words:  # capitals too: "AND" is no acronym
                    continue
                stop_words_only = False
                groups.append([Term((word,), (written,), exact=capitals)])
    unique = list({tuple(group): group for group in groups}.values())
    terms = [word for group in unique for term in group[:1] for word in term.words]
    has_words = bool(text.query_terms(raw_query))
    return ParsedQuery(
        raw=raw_query,
        terms=terms,
        groups=unique,
        only_stop_words=has_words and stop_words_only and not unique,
    )
