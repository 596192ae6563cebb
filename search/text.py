"""Text normalisation, stemming and highlighting shared by every search backend.

Queries and indexed text go through the same ``normalise`` step, so matching is
accent-insensitive and punt-volat-insensitive on every backend ("solidaria" ~
"solidària", "col.laboracio" ~ "col·laboració"), and it never depends on the
database having the ``unaccent`` extension. Stemming uses the Snowball
algorithms (the same family PostgreSQL and Elasticsearch use) through the
``snowballstemmer`` package, so SQLite stems too and highlighting agrees with
what the database matched.
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Longest query we look at: beyond this, words are dropped, never an error.
MAX_QUERY_LENGTH = 500
MAX_QUERY_TERMS = 16

SNOWBALL_LANGUAGES = {"ca": "catalan", "es": "spanish", "en": "english"}
DEFAULT_LANGUAGE = "ca"

# The Catalan "ela geminada" is written l·l, l.l, ŀl or with look-alike dots.
_PUNT_VOLAT = re.compile(r"l[·.•∙⋅]l|ŀl", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Very short, very common words add noise to highlighting and autocomplete.
STOPWORDS = frozenset(
    """
    a al als amb de del dels el els en es i la les o per que un una uns unes
    y lo los las con por para the of and or to in on for an is are be by with at
    """.split()
)


def clean(text):
    """Text without NUL and control characters, which no database accepts everywhere."""
    return _CONTROL.sub(" ", text or "")


def normalise(text):
    """Lower-case text without accents, with the punt volat folded ("l·l" -> "ll")."""
    text = _PUNT_VOLAT.sub("ll", clean(text))
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text):
    """The normalised words of a text, in order."""
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(SNOWBALL_LANGUAGES.get(language, "catalan"))


@lru_cache(maxsize=50_000)
def stem(word, language):
    return _stemmer(language).stemWord(word)


def stems(text, language):
    """The stemmed, normalised words of a text (duplicates kept, order kept)."""
    return [stem(word, language) for word in words(text)]


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


def highlight(text, terms, languages, *, width=32):
    """An escaped excerpt of ``text`` around the first matched word, matches in <mark>.

    A word matches when its normalised form equals, starts with, or shares a stem
    with a query term in any of ``languages``. Everything is escaped first; only
    our own <mark> tags are markup.
    """
    if not text:
        return "", False
    wanted_words = set(terms)
    wanted_stems = {stem(term, lang) for term in terms for lang in languages}
    tokens = re.split(r"(\s+)", clean(text))
    word_positions = [i for i, token in enumerate(tokens) if token and not token.isspace()]

    def is_match(token):
        for word in words(token):
            if len(word) < 2:
                continue
            if word in wanted_words or any(
                word.startswith(term) for term in wanted_words if len(term) > 2
            ):
                return True
            if any(stem(word, lang) in wanted_stems for lang in languages):
                return True
        return False

    matched = {i for i in word_positions if is_match(tokens[i])}
    first = min(matched) if matched else (word_positions[0] if word_positions else 0)
    first_word = word_positions.index(first) if word_positions else 0
    start_word = max(0, first_word - width // 4)
    end_word = min(len(word_positions), start_word + width)
    if not word_positions:
        return "", False
    start, end = word_positions[start_word], word_positions[end_word - 1]
    parts = []
    for i in range(start, end + 1):
        piece = html.escape(tokens[i])
        parts.append(f"<mark>{piece}</mark>" if i in matched else piece)
    excerpt = "".join(parts)
    if start_word > 0:
        excerpt = "… " + excerpt
    if end_word < len(word_positions):
        excerpt += " …"
    return excerpt, bool(matched)
