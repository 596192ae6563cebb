"""Spanish and English pages of the demo say nothing in Catalan.

The crawl reads every public page of the Spanish and English trees (the
sitemap's) and looks, in the text a reader sees, for words that only Catalan
has: none of them is a Spanish or English word, nor part of a proper name the
demo shows in Catalan on purpose (members' names, "Ajuntament de Vic", are the
institutions' own names and stay as they are). A link to a file that really is
in Catalan is left out, and so is its description: the link says so ("(en
catalán)", "(in Catalan)") and carries ``hreflang="ca"``, the description ``lang="ca"``.
"""

import re

import pytest

from members.models import COUNTY_CHOICES, Member

from .crawl import crawl, visible_text

pytestmark = pytest.mark.django_db

CATALAN_ONLY_WORDS = [
    "amb",  # "with"
    "però",  # "but"
    "també",  # "also"
    "perquè",  # "because"
    "aquest",
    "aquesta",
    "aquests",
    "aquestes",
    "dels",  # "of the" (plural)
    "notícies",  # "news"
    "adreça",  # "address"
    "xarxa",  # "network"
    "habitatge",  # "housing"
    "cures",  # "care", a demo tag
    "polítiques",  # "policies"
    "coordinació",  # "coordination"
    "contractació",  # "procurement"
    "exemple",  # "example"
    "treball",  # "work"
]
# "d'" and "l'" before a vowel or h: Catalan elision (English "I'd" has a letter before it).
CATALAN_ELISION = r"(?<![\w'’])[dlDL]['’][aeiouàèéíòóúhAEIOUÀÈÉÍÒÓÚH]\w*"
CATALAN = re.compile(
    r"\b(" + "|".join(CATALAN_ONLY_WORDS) + r")\b|" + CATALAN_ELISION, re.IGNORECASE
)


def _proper_names():
    """Names that are Catalan in every language: members (institutions) and counties."""
    names = [
        *Member.objects.values_list("name", flat=True),
        *(label for _v, label in COUNTY_CHOICES),
    ]
    return sorted(map(str, names), key=len, reverse=True)


def _without(text, names):
    for name in names:
        text = text.replace(name, " ")
    return text


@pytest.mark.parametrize("language", ["es", "en"])
def test_spanish_and_english_pages_say_nothing_in_catalan(client, language):
    pages = crawl(client, language)
    assert len(pages) > 20
    names = _proper_names()
    found = {}
    for path, html in pages.items():
        text = _without(visible_text(html, skip_language="ca"), names)
        for match in CATALAN.finditer(text):
            found.setdefault(match.group(0), set()).add(path)
    assert found == {}, "\n".join(f"{w}: {len(p)} pages, e.g. {min(p)}" for w, p in found.items())


def test_the_check_finds_catalan_where_there_is_some(client):
    # The same check, on the Catalan tree: it finds the words it looks for.
    text = " ".join(visible_text(html) for html in crawl(client, "ca").values())
    assert {m.group(0).lower() for m in CATALAN.finditer(text)} >= {"amb", "notícies", "xarxa"}
