"""The admin's "Page 1 of 11" in Catalan elides "de" before a number said with a
vowel ("Pàgina 1 d'11"), through the grammar owner (``language.grammar.of_number``)."""

import pytest

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.translation import override

from language.grammar import of_number


@pytest.mark.parametrize(
    ("number", "catalan"),
    [
        (1, "d'1"),
        (11, "d'11"),
        (10, "de 10"),
        (8, "de 8"),
        (100, "de 100"),
        (1000, "de 1000"),
        (11000, "d'11000"),
        (1000000, "d'1000000"),
        (2000000, "de 2000000"),
    ],
)
def test_catalan_elides_de_before_a_number_said_with_a_vowel(number, catalan):
    assert of_number(number, "ca").replace(".", "") == catalan


def test_spanish_and_english_say_de_and_of():
    assert of_number(11, "es") == "de 11"
    assert of_number(11, "en") == "of 11"


@pytest.mark.parametrize(
    ("language", "pages", "expected"),
    [
        ("ca", 11, "Pàgina 1 d'11"),
        ("ca", 10, "Pàgina 1 de 10"),
        ("es", 11, "Página 1 de 11"),
        ("en", 11, "Page 1 of 11"),
    ],
)
def test_the_admin_pagination_says_page_of_pages_in_each_language(rf, language, pages, expected):
    items = Paginator(range(pages * 10), 10).page(1)
    with override(language):
        html = render_to_string(
            "wagtailadmin/shared/pagination_nav.html",
            {"items": items, "linkurl": "/admin/"},
            request=rf.get("/admin/"),
        )
    assert expected in html.replace("&#x27;", "'")
