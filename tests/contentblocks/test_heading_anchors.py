"""A heading's link anchor comes from its block id: rewording or translating it keeps links."""

import pytest

from wagtail.models import Locale

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_a_heading(db):
    home = HomePage.objects.get(locale__language_code="ca")
    page = StandardPage(
        title="Pàgina amb apartats",
        slug="pagina-amb-apartats",
        body=[("heading", {"text": "Context i objectius", "level": "h2"})],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def anchor_in(client, page):
    html = client.get(page.url).content.decode()
    heading = html.split("<h2 id=", 1)[1]
    return heading.split('"', 2)[1], heading


def test_the_anchor_is_the_block_id_not_the_text(client, page_with_a_heading):
    block_id = page_with_a_heading.body[0].id
    anchor, heading = anchor_in(client, page_with_a_heading)
    assert heading.split(">", 1)[1].startswith("Context i objectius")
    assert anchor == f"section-{block_id[:8]}"


def test_a_translated_heading_keeps_its_anchor(client, page_with_a_heading):
    translation = page_with_a_heading.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    translation.body[0].value["text"] = "Context and aims"
    translation.save_revision().publish()
    anchor, heading = anchor_in(client, translation)
    assert heading.split(">", 1)[1].startswith("Context and aims")
    assert anchor == anchor_in(client, page_with_a_heading)[0]
