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


def test_synonym_expands_to_its_alternatives():
    parsed = parse("ESS habitatge", [["ESS", "economia social i solidària"]])
    assert parsed.groups == [[["ess"], ["economia", "social", "solidaria"]], [["habitatge"]]]


def test_highlight_escapes_markup_and_marks_matches():
    snippet, found = text.highlight("<b>Les cooperatives</b> d'habitatge", ["cooperativa"], ["ca"])
    assert found
    assert "<b>" not in snippet
    assert "&lt;b&gt;Les <mark>cooperatives&lt;/b&gt;</mark>" in snippet
