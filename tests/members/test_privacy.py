"""A member's personal data can be exported and erased; erasure keeps the reports intact."""

import json

import pytest

from django.urls import reverse

from members import reports
from members.models import AdviceRequest, Member, NeedsResponse

pytestmark = pytest.mark.django_db

BAGES = "Ajuntament d'exemple del Bages"


def all_reports():
    return [
        reports.needs_by_area_and_county(),
        reports.expected_hiring_by_sector(),
        reports.workshop_topics_wanted(),
        reports.advice_hours_by_member_and_topic(),
    ]


def test_the_json_export_holds_everything_kept_about_the_member(secretariat_client):
    member = Member.objects.get(name=BAGES)
    response = secretariat_client.get(reverse("members_member:export", args=[member.pk, "json"]))
    data = json.loads(response.content)
    assert data["contact_people"][0]["email"] == "contacte2@example.org"
    assert data["needs_responses"][0]["respondent_email"] == "persona@example.org"
    assert data["advice_requests"][0]["sessions"]
    assert "no-store" in response["Cache-Control"]


def test_the_csv_export_opens_in_a_spreadsheet(secretariat_client):
    member = Member.objects.get(name=BAGES)
    response = secretariat_client.get(reverse("members_member:export", args=[member.pk, "csv"]))
    body = response.content.decode("utf-8")
    assert body.startswith("\ufefffield,value")
    assert "contact_people.1.email,contacte2@example.org" in body


def test_an_unknown_export_format_is_not_found(secretariat_client):
    member = Member.objects.get(name=BAGES)
    response = secretariat_client.get(f"/admin/members/directory/export/{member.pk}/xml/")
    assert response.status_code == 404


def test_erasing_a_member_removes_its_personal_data(secretariat_client):
    member = Member.objects.get(name=BAGES)
    response = secretariat_client.post(reverse("members_member:erase", args=[member.pk]))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.personal_data_erased_at is not None
    assert member.elected_official == ""
    assert not member.contact_people.exists()
    assert not member.publish_in_directory
    answer = NeedsResponse.objects.get(member=member)
    assert answer.respondent_email == "" and "Persona" not in answer.respondent_name
    assert answer.fee_questions == "" and answer.needs_description == ""
    advice = AdviceRequest.objects.get(member=member)
    assert advice.contact_email == "" and advice.contact_name == ""
    exported = json.dumps(
        json.loads(
            secretariat_client.get(
                reverse("members_member:export", args=[member.pk, "json"])
            ).content
        )
    )
    assert "@example.org" not in exported and "Persona de contacte" not in exported


def test_erasing_a_member_leaves_the_aggregate_reports_intact(secretariat_client):
    before = all_reports()
    member = Member.objects.get(name=BAGES)
    secretariat_client.post(reverse("members_member:erase", args=[member.pk]))
    assert all_reports() == before


def test_the_erase_page_asks_for_confirmation_before_erasing(secretariat_client):
    member = Member.objects.get(name=BAGES)
    response = secretariat_client.get(reverse("members_member:erase", args=[member.pk]))
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.personal_data_erased_at is None


def test_erased_members_leave_the_public_directory(client, secretariat_client, directory_pages):
    member = Member.objects.get(name=BAGES)
    secretariat_client.post(reverse("members_member:erase", args=[member.pk]))
    assert "Bages" not in client.get(directory_pages["ca"].url).content.decode()
