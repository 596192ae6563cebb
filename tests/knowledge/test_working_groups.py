"""Which working group a page belongs to: its section in the tree, else its own choice."""

import pytest

from home.models import StandardPage
from knowledge.working_groups import section_group_id, working_group_ids

from .conftest import make_guide

pytestmark = pytest.mark.django_db


def test_a_group_page_and_every_page_in_its_section_belong_to_the_group(groups):
    group = groups["politiques-de-cures"]
    page = group.add_child(instance=StandardPage(title="Actes del grup", slug="actes"))
    guide = make_guide(group, "Guia del grup")
    assert working_group_ids([group, page, guide]) == {
        group.pk: group.pk,
        page.pk: group.pk,
        guide.pk: group.pk,
    }


def test_a_guide_in_the_library_keeps_the_group_it_names(library, groups):
    group = groups["habitatge-cooperatiu"]
    guide = make_guide(library, "Guia escrita pel grup", working_group=group)
    assert section_group_id(guide) is None
    assert working_group_ids([guide]) == {guide.pk: group.pk}


def test_the_tree_wins_over_the_named_group_inside_a_section(groups):
    care, housing = groups["politiques-de-cures"], groups["habitatge-cooperatiu"]
    guide = make_guide(care, "Guia mal classificada", working_group=housing)
    assert guide.working_group_id == care.pk


def test_a_page_outside_every_section_has_no_group(library):
    guide = make_guide(library, "Guia de tota la xarxa")
    assert working_group_ids([library, guide]) == {library.pk: None, guide.pk: None}
