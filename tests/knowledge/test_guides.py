"""Guides: chapters with a table of contents, previous/next, stable section links, and editions."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from knowledge.models import GuidePage

from .conftest import locale, make_chapter, make_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide_with_chapters(library):
    guide = make_guide(library, "Guia de prova")
    chapters = [
        make_chapter(guide, "Primer capítol", ("Context", "Per què."), ("Objectius", "Què.")),
        make_chapter(guide, "Segon capítol", ("Eines", "Com.")),
        make_chapter(guide, "Tercer capítol", ("Seguiment", "Quan.")),
    ]
    return guide, chapters


def test_the_guide_lists_its_chapters_and_their_sections_in_a_table_of_contents(
    client, guide_with_chapters
):
    guide, chapters = guide_with_chapters
    html = client.get(guide.url).content.decode()
    assert '<nav class="toc"' in html
    positions = [html.index(chapter.url) for chapter in chapters]
    assert positions == sorted(positions)
    first_section = chapters[0].sections[0]
    assert f"{chapters[0].url}#{first_section.anchor}" in html


def test_a_chapter_links_to_the_previous_and_next_chapters(client, guide_with_chapters):
    _guide, chapters = guide_with_chapters
    html = client.get(chapters[1].url).content.decode()
    assert f'href="{chapters[0].url}" rel="prev"' in html
    assert f'href="{chapters[2].url}" rel="next"' in html


def test_every_chapter_lists_all_the_guide_chapters_with_the_current_one_marked(
    client, guide_with_chapters
):
    _guide, chapters = guide_with_chapters
    html = client.get(chapters[1].url).content.decode()
    listing = html.split('<nav class="guide-chapters"')[1].split("</nav>")[0]
    positions = [listing.index(f'href="{chapter.url}"') for chapter in chapters]
    assert positions == sorted(positions)
    assert f'href="{chapters[1].url}" aria-current="page"' in listing
    assert listing.count("aria-current") == 1


def test_the_first_chapter_has_no_previous_link(client, guide_with_chapters):
    _guide, chapters = guide_with_chapters
    html = client.get(chapters[0].url).content.decode()
    assert 'rel="prev"' not in html
    assert 'rel="next"' in html


def test_an_unpublished_chapter_is_left_out_of_the_contents_and_the_navigation(
    client, guide_with_chapters
):
    guide, chapters = guide_with_chapters
    chapters[1].unpublish()
    assert client.get(guide.url).content.decode().count(chapters[1].url) == 0
    html = client.get(chapters[0].url).content.decode()
    assert f'href="{chapters[2].url}" rel="next"' in html


def test_every_section_heading_has_an_anchor_and_a_link_to_itself(client, guide_with_chapters):
    _guide, chapters = guide_with_chapters
    html = client.get(chapters[0].url).content.decode()
    for section in chapters[0].sections:
        assert f'id="{section.anchor}"' in html
        assert f'href="#{section.anchor}"' in html


def test_a_section_anchor_survives_rewording_its_heading(guide_with_chapters):
    _guide, chapters = guide_with_chapters
    chapter = chapters[0]
    anchor = chapter.sections[0].anchor
    chapter.body[0].value["text"] = "Context i motivació"
    chapter.save_revision().publish()
    chapter = type(chapter).objects.get(pk=chapter.pk)
    assert chapter.sections[0].title == "Context i motivació"
    assert chapter.sections[0].anchor == anchor


def test_chapters_live_only_under_guides():
    from knowledge.models import GuideChapterPage

    assert GuideChapterPage.parent_page_types == ["knowledge.GuidePage"]
    assert GuidePage.subpage_types == ["knowledge.GuideChapterPage"]


def test_guides_can_be_published_inside_a_working_groups_section(groups):
    group = groups["habitatge-cooperatiu"]
    assert GuidePage.can_create_at(group)


def test_a_guide_inside_a_group_section_takes_the_group_from_the_tree(groups):
    group = groups["politiques-de-cures"]
    guide = make_guide(group, "Guia del grup")
    assert guide.working_group_id == group.pk


# Editions


@pytest.fixture
def two_editions(library):
    first = make_guide(library, "Guia ABC de prova", publication_date=datetime.date(2020, 3, 1))
    second = make_guide(
        library,
        "Guia ABC de prova, 2a edició",
        slug="guia-abc-de-prova-2",
        edition_number=2,
        previous_edition=first,
        publication_date=datetime.date(2023, 3, 1),
    )
    return first, second


def test_an_older_edition_shows_a_notice_linking_to_the_newest(client, two_editions):
    first, second = two_editions
    html = client.get(first.url).content.decode()
    assert "notice--warning" in html
    assert f'<a href="{second.url}">' in html


def test_the_newest_edition_is_marked_current_and_shows_no_notice(client, two_editions):
    _first, second = two_editions
    html = client.get(second.url).content.decode()
    assert "notice--warning" not in html
    assert 'class="edition-badge"' in html


def test_both_editions_list_every_edition(two_editions):
    first, second = two_editions
    assert [edition.pk for edition in first.editions] == [first.pk, second.pk]
    assert [edition.pk for edition in second.editions] == [first.pk, second.pk]


def test_an_edition_in_preparation_is_announced_but_does_not_replace_the_current_one(
    client, library
):
    first = make_guide(library, "Guia vigent")
    planned = make_guide(
        library,
        "Guia vigent, 2a edició",
        slug="guia-vigent-2",
        edition_number=2,
        previous_edition=first,
        edition_status=GuidePage.EditionStatus.IN_PREPARATION,
        planned_year=2030,
        publication_date=None,
    )
    first = GuidePage.objects.get(pk=first.pk)
    assert first.is_current_edition
    assert not first.is_superseded
    assert first.edition_in_preparation.pk == planned.pk
    html = client.get(first.url).content.decode()
    assert "2030" in html
    assert "notice--warning" not in html


def test_a_draft_new_edition_does_not_supersede_the_published_one(client, library):
    first = make_guide(library, "Guia amb esborrany")
    draft = GuidePage(
        title="Esborrany 2a",
        slug="esborrany-2a",
        kind="guide",
        summary="-",
        edition_number=2,
        previous_edition=first,
        publication_date=datetime.date(2024, 1, 1),
        live=False,
    )
    library.add_child(instance=draft)
    html = client.get(first.url).content.decode()
    assert "notice--warning" not in html
    assert draft.url not in html


def test_the_edition_chain_holds_in_every_language(client, two_editions):
    first, second = two_editions
    first_en, second_en = (page.copy_for_translation(locale("en")) for page in (first, second))
    for page in (first_en, second_en):
        page.save_revision().publish()
    first_en, second_en = (GuidePage.objects.get(pk=page.pk) for page in (first_en, second_en))
    assert first_en.url.startswith("/en/")
    html = client.get(first_en.url).content.decode()
    assert f'<a href="{second_en.url}">' in html


def test_a_new_edition_needs_a_higher_number(two_editions):
    first, second = two_editions
    second.edition_number = 1
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "edition_number" in error.value.message_dict


def test_an_edition_in_preparation_needs_its_planned_year(library):
    guide = GuidePage(
        title="x", slug="x", kind="guide", summary="-", edition_status="in_preparation"
    )
    with pytest.raises(ValidationError) as error:
        guide.clean()
    assert "planned_year" in error.value.message_dict


def test_a_draft_of_a_published_edition_may_leave_its_date_empty():
    guide = GuidePage(title="x", slug="x", kind="guide", summary="-", edition_status="published")
    guide.clean()
    assert guide.publication_date is None


def test_a_published_edition_going_live_without_a_date_takes_the_day_of_its_first_publication():
    first_published = datetime.datetime(2025, 3, 4, 10, tzinfo=datetime.UTC)
    guide = GuidePage(
        title="x",
        slug="x",
        kind="guide",
        summary="-",
        edition_status="published",
        live=True,
        first_published_at=first_published,
    )
    guide.clean()
    assert guide.publication_date == datetime.date(2025, 3, 4)


def test_a_draft_may_wait_for_its_planned_year_until_it_is_submitted():
    guide = GuidePage(title="x", slug="x", summary="-", edition_status="in_preparation")
    guide.validating_draft = True
    guide.clean()


def test_a_guide_cannot_have_a_policy_kind():
    guide = GuidePage(
        title="x", slug="x", kind="law", summary="-", publication_date=datetime.date(2022, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        guide.clean()
    assert "kind" in error.value.message_dict
