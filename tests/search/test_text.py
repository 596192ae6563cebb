import pytest

from search import text
from search.query import parse


def test_accents_and_case_are_folded():
    assert text.normalise("Solidària ÈTICA") == "solidaria etica"


def test_punt_volat_is_folded_in_every_spelling():
    spellings = ["col·laboració", "col.laboració", "coŀlaboració", "col•laboracio"]
    assert {text.normalise(s) for s in spellings} == {"collaboracio"}


def test_plural_and_singular_share_a_catalan_stem():
    assert text.stems("cooperatives", "ca") == text.stems("cooperativa", "ca")


def test_nul_bytes_and_control_characters_are_dropped():
    assert text.normalise("a\x00b\x07c") == "a b c"


def test_query_terms_keep_only_words_and_drop_operators():
    assert text.query_terms('"habitatge" AND -cures* (title:guia)') == [
        "habitatge",
        "and",
        "cures",
        "title",
        "guia",
    ]


def test_query_terms_are_capped():
    assert len(text.query_terms("paraula " * 2000)) <= text.MAX_QUERY_TERMS


def test_synonym_expands_to_its_alternatives_as_phrases():
    parsed = parse("ESS habitatge", [["ESS", "economia social i solidària"]])
    assert [[term.words for term in group] for group in parsed.groups] == [
        [("ess",), ("economia", "social", "i", "solidaria")],
        [("habitatge",)],
    ]
    assert parsed.groups[0][1].phrase


def test_each_side_of_a_synonym_finds_the_other():
    synonyms = [["XES", "Xarxa d'Economia Solidària"]]
    from_acronym = parse("XES", synonyms).groups
    from_name = parse("xarxa d'economia solidaria", synonyms).groups
    assert [set(group) for group in from_acronym] == [set(group) for group in from_name]
    # What was typed comes first: a title holding it counts more than one holding a synonym.
    assert from_acronym[0][0].words == ("xes",)
    assert from_name[0][0].words == ("xarxa", "d", "economia", "solidaria")


@pytest.mark.parametrize(
    "word,language,other",
    [
        ("guies", "ca", "guia"),
        ("assemblees", "ca", "assemblea"),
        ("cooperatives", "ca", "cooperativa"),
        ("viviendas", "es", "vivienda"),
        ("cooperativas", "es", "cooperativa"),
        ("guides", "en", "guide"),
    ],
)
def test_singular_and_plural_share_a_form(word, language, other):
    assert set(text.forms(word, language)) & set(text.forms(other, language))


def test_capitals_are_protected_and_quotes_make_phrases():
    parsed = parse('ESS "cooperatives de cures"')
    acronym, phrase = (group[0] for group in parsed.groups)
    assert acronym.exact and acronym.words == ("ess",)
    assert phrase.phrase and phrase.words == ("cooperatives", "de", "cures")


@pytest.mark.parametrize("query", ['"', '"habitatge', 'guia "cures', '""', '"de la" "'])
def test_unbalanced_quotes_never_fail(query):
    parse(query)


def test_stop_words_are_not_required_and_alone_are_flagged():
    assert [g[0].words for g in parse("la guia de les cures").groups] == [("guia",), ("cures",)]
    assert parse("de la").only_stop_words and not parse("de la")
    assert not parse("!!!").only_stop_words


def test_highlight_escapes_markup_and_marks_matches():
    snippet, found = text.highlight("<b>Les cooperatives</b> d'habitatge", ["cooperativa"], ["ca"])
    assert found
    assert "<b>" not in snippet
    assert "&lt;b&gt;Les <mark>cooperatives&lt;/b&gt;</mark>" in snippet
