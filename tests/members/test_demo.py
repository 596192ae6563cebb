"""The demo gives every report something to show, and the public pages in three languages."""

import pytest

from members import reports
from members.models import Member, MemberDirectoryPage, NeedsQuestionnairePage

pytestmark = pytest.mark.django_db


def test_demo_members_are_clearly_examples():
    assert Member.objects.count() >= 5
    assert all("d'exemple" in name for name in Member.objects.values_list("name", flat=True))


def test_every_report_has_rows_in_the_demo():
    assert reports.needs_by_area_and_county()
    assert reports.expected_hiring_by_sector()
    assert reports.workshop_topics_wanted()
    assert reports.advice_hours_by_member_and_topic()


@pytest.mark.parametrize("model", [MemberDirectoryPage, NeedsQuestionnairePage])
def test_the_public_pages_exist_in_three_languages(client, model):
    pages = model.objects.live()
    assert {page.locale.language_code for page in pages} == {"ca", "es", "en"}
    for page in pages:
        assert client.get(page.url).status_code == 200


def test_the_secretariat_group_holds_the_members_permissions():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Secretaria tècnica").permissions.values_list("codename", flat=True)
    )
    assert {
        "view_member",
        "change_member",
        "export_personal_data",
        "erase_personal_data",
        "view_needsresponse",
    } <= codenames


def test_coordinator_groups_hold_no_members_permission():
    from django.contrib.auth.models import Group

    for group in Group.objects.filter(name__startswith="Coordinació"):
        assert not group.permissions.filter(content_type__app_label="members").exists()
