"""Text normalisation, stemming, lemmas and highlighting shared by every search backend.

Queries and indexed text go through the same ``normalise`` step, so matching is
accent-insensitive and punt-volat-insensitive on every backend ("solidaria" ~
"solidària", "col.laboracio" ~ "col·laboració"), and it never depends on the
database having the ``unaccent`` extension. Stemming uses the Snowball
algorithms (the same family PostgreSQL and Elasticsearch use) through the
``snowballstemmer`` package, so SQLite stems too and highlighting agrees with
what the database matched.

Stems alone split a word's forms (Snowball: "guies" -> "guies" but "guia" ->
"guia"), so every word also gives its lemma key (``simplemma``, see ``key``):
"guies" and "guia", "assemblees" and "assemblea" meet on it. The lemma is
looked up on the accented word, then folded like everything else; the stem
still matches what the lemma data does not know (or a query typed without its
accents).

Each content language's analysis (Snowball stemmer, lemma data, PostgreSQL
configuration, Elasticsearch analysers) comes from ``settings.SEARCH_LANGUAGES``
(``language_setting``), so a new language is a line of settings.
"""

import html
import re
import unicodedata
from functools import lru_cache

import simplemma
import snowballstemmer

from django.conf import settings

from listing.query_text import without_control_characters

# Longest query we look at: beyond this, words are dropped, never an error.
MAX_QUERY_LENGTH = 500
MAX_QUERY_TERMS = 16


def language_setting(language, key):
    """One analysis setting of a content language (``settings.SEARCH_LANGUAGES``)."""
    configured = settings.SEARCH_LANGUAGES
    return configured.get(language, configured[settings.LANGUAGE_CODE])[key]


# The Catalan "ela geminada" is written l·l, l.l, ŀl or with look-alike dots.
_PUNT_VOLAT = re.compile(r"l[·.•∙⋅]l|ŀl", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Combining marks (accents once NFKD has split them from their letters).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def stop_words():
    """Very short, very common words of every content language (``stop_words`` in
    ``settings.SEARCH_LANGUAGES``): a query needs not match them."""
    return {
        word for spec in settings.SEARCH_LANGUAGES.values() for word in spec["stop_words"].split()
    }


def clean(text):
    """Text without NUL and control characters, which no database accepts everywhere."""
    return without_control_characters(text)


def fold_punt_volat(text):
    return _PUNT_VOLAT.sub("ll", text)


def normalise(text):
    """Lower-case text without accents, with the punt volat folded ("l·l" -> "ll")."""
    text = fold_punt_volat(clean(text))
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return _COMBINING.sub("", decomposed).casefold()


def words(text):
    """The normalised words of a text, in order."""
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=100_000)
def token_words(token):
    """``words`` of one whitespace-free token of a text, remembered: the snippets of every
    search look at the same texts' tokens again."""
    return tuple(words(token))


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(language_setting(language, "snowball"))


@lru_cache(maxsize=50_000)
def stem(word, language):
    return _stemmer(language).stemWord(word)


def stems(text, language):
    """The stemmed, normalised words of a text (duplicates kept, order kept)."""
    return [stem(word, language) for word in words(text)]


@lru_cache(maxsize=100_000)
def key(raw_word, language):
    """The word's lemma key: its lemma's lemma, to a fixed point, folded.

    ``simplemma`` lemmatises "guies" -> "guia" but "guia" -> "guiar"; following
    lemmas until they stop changing gives both "guiar", so a word's forms meet
    on one key ("cooperatives", "cooperativa" -> "cooperatiu"). A word the
    lemma data does not know is its own key (its stem still matches).
    """
    code = language_setting(language, "lemmas")
    current = raw_word
    if code and simplemma.is_known(raw_word, lang=code):
        for _step in range(4):
            following = simplemma.lemmatize(current, lang=code)
            if following == current:
                break
            current = following
    return normalise(current)


def _raw_words(text):
    folded = unicodedata.normalize("NFC", fold_punt_volat(clean(text))).casefold()
    return _WORD.findall(folded)


def analyse(text, language):
    """(words, lemma keys, stems) of a text, each in order: what every backend indexes."""
    raw = _raw_words(text)
    words_ = [normalise(word) for word in raw]
    return (
        words_,
        [key(word, language) for word in raw],
        [stem(word, language) for word in words_],
    )


def forms(text, language):
    """Every word's lemma key and stem (what the forms fields of a backend hold)."""
    _words, keys, stems_ = analyse(text, language)
    return keys + stems_


def query_forms(raw_word, language):
    """(lemma key, stem) of a query word as typed (lower case, accents kept)."""
    return key(raw_word, language), stem(normalise(raw_word), language)


def query_terms(raw_query):
    """The words a user asked for: operators, quotes and symbols dropped, length capped.

    Every backend receives only these plain words, so no input can reach a
    query parser with a meaning of its own.
    """
    terms = words((raw_query or "")[:MAX_QUERY_LENGTH])
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TERMS]


def display_query(raw_query):
    """The query as we show it back and record it: cleaned, spaces collapsed, capped."""
    text = clean(raw_query)[:MAX_QUERY_LENGTH]
    return " ".join(text.split())


def analytics_key(raw_query):
    """The form under which a query is counted in the analytics."""
    return " ".join(query_terms(raw_query))[:255]


MAX_HIGHLIGHT_TOKENS = 20_000
_TOKEN = re.compile(r"\S+")


def highlight(text, terms, languages, *, width=32):
    """An escaped excerpt of ``text`` around the first matched word, matches in <mark>.

    A word matches when its normalised form equals, starts with, or shares a stem
    with a query term in any of ``languages``. Everything is escaped first; only
    our own <mark> tags are markup. Scanning stops once the excerpt is complete,
    so long file texts cost little.
    """
    text = clean(text)
    if not text.strip():
        return "", False
    wanted_words = set(terms)
    prefixes = tuple(term for term in wanted_words if len(term) > 2)
    wanted_stems = {stem(term, lang) for term in terms for lang in languages}
    verdicts = {}

    def is_match(token):
        if token not in verdicts:
            verdicts[token] = any(
                len(word) > 1
                and (
                    word in wanted_words
                    or (prefixes and word.startswith(prefixes))
                    or any(stem(word, lang) in wanted_stems for lang in languages)
                )
                for word in token_words(token)
            )
        return verdicts[token]

    spans, matched, first = [], set(), None
    for index, found in enumerate(_TOKEN.finditer(text)):
        if index >= MAX_HIGHLIGHT_TOKENS:
            break
        spans.append(found.span())
        if is_match(found.group()):
            matched.add(index)
            if first is None:
                first = index
        if first is not None and index >= first + width:
            break
        if first is None and index >= width and index >= MAX_HIGHLIGHT_TOKENS - 1:
            break
    start_token = max(0, (first or 0) - width // 4)
    end_token = min(len(spans), start_token + width)
    parts = []
    for index in range(start_token, end_token):
        piece = html.escape(text[spans[index][0] : spans[index][1]])
        parts.append(f"<mark>{piece}</mark>" if index in matched else piece)
    excerpt = " ".join(parts)
    if start_token > 0:
        excerpt = "… " + excerpt
    if end_token < len(spans) or spans[-1][1] < len(text.rstrip()):
        excerpt += " …"
    return excerpt, bool(matched)
