"""Related content: other knowledge pages that share the most topics."""

import pytest

from .conftest import make_guide, make_policy_document

pytestmark = pytest.mark.django_db


def test_related_items_share_topics_and_the_closest_come_first(library, topics):
    care, housing = topics["cures"], topics["habitatge-cooperatiu"]
    page = make_guide(library, "Guia origen", topics=[care, housing])
    both = make_guide(library, "Comparteix dos temes", topics=[care, housing])
    one = make_policy_document(library, "Comparteix un tema", topics=[housing])
    make_guide(library, "Sense temes en comú", topics=[topics["marc-normatiu-ess"]])
    related = page.related_items(limit=10)
    assert related[0].pk == both.pk
    assert one.pk in [item.pk for item in related]
    assert "Sense temes en comú" not in [item.title for item in related]
    assert page.pk not in [item.pk for item in related]


def test_a_page_without_topics_has_no_related_items(library):
    assert make_guide(library, "Guia sense temes").related_items() == []


def test_related_items_leave_out_unpublished_pages(library, topics):
    page = make_guide(library, "Guia A", topics=[topics["cures"]])
    other = make_guide(library, "Guia B", topics=[topics["cures"]])
    other.unpublish()
    assert other.pk not in [item.pk for item in page.related_items(limit=20)]


def test_the_page_shows_its_related_items(client, library, topics):
    page = make_guide(library, "Guia amb relacions", topics=[topics["cures"]])
    html = client.get(page.url).content.decode()
    assert 'id="related-heading"' in html
    assert "Guia sobre polítiques públiques de l&#x27;àmbit de les cures" in html
