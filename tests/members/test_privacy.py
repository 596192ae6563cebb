"""A member's personal data can be exported and erased; erasure keeps the reports intact."""

import datetime
import json

import pytest

from django.apps import apps
from django.db import models
from django.urls import reverse

from members import privacy, reports
from members.models import (
    AdviceHoursBag,
    AdviceRequest,
    Member,
    MemberDirectoryPage,
    NeedsQuestionnairePage,
    NeedsResponse,
    OnboardingMeeting,
)

pytestmark = pytest.mark.django_db

BAGES = "Ajuntament d'exemple del Bages"


def all_reports():
    return [
        reports.needs_by_area_and_county(),
        reports.expected_hiring_by_sector(),
        reports.workshop_topics_wanted(),
        reports.advice_hours_by_member_and_topic(),
    ]


# Models that keep nothing about one member: the yearly bag of hours and the public pages.
NOT_ABOUT_A_MEMBER = {AdviceHoursBag, MemberDirectoryPage, NeedsQuestionnairePage}


def personal_fields(model):
    erased = privacy.PERSONAL.get(model, {})
    if erased == privacy.DELETED:
        return [
            field
            for field in privacy.own_fields(model)
            if field.name not in privacy.NOT_EXPORTED[model] | privacy.KEPT[model]
        ]
    return [field for field in privacy.own_fields(model) if field.name in erased]


def test_every_model_about_a_member_is_exported_and_erased(db):
    member_models = set(apps.get_app_config("members").get_models()) - NOT_ABOUT_A_MEMBER
    assert set(privacy.rows_about(Member(pk=0, name="")).keys()) == member_models
    assert set(privacy.NOT_EXPORTED) == set(privacy.KEPT) == member_models


@pytest.mark.parametrize("model", sorted(privacy.NOT_EXPORTED, key=lambda model: model.__name__))
def test_every_field_is_named_once_as_a_key_personal_or_kept(model):
    # A field added to a model and not named in members/privacy.py fails here.
    fields = {field.name for field in privacy.own_fields(model)}
    erased = privacy.PERSONAL.get(model, {})
    personal = fields - privacy.NOT_EXPORTED[model] - privacy.KEPT[model]
    if erased != privacy.DELETED:
        assert personal == set(erased)
    assert privacy.NOT_EXPORTED[model] | privacy.KEPT[model] | personal == fields
    assert not privacy.NOT_EXPORTED[model] & privacy.KEPT[model]
    assert privacy.NOT_EXPORTED[model] >= {"id"}


def _mark_every_personal_field(member):
    """Give each personal field of each row about the member a value found nowhere else."""
    OnboardingMeeting.objects.create(
        member=member, held_on=datetime.date(2022, 2, 1), notes="Primera trobada."
    )
    markers = []
    for model, rows in privacy.rows_about(member).items():
        fields = personal_fields(model)
        if not fields:
            continue
        assert rows.exists(), f"the demo member has no {model.__name__} to check"
        for row in rows:
            for field in fields:
                marker = f"marca{len(markers)}x"
                if isinstance(field, models.EmailField):
                    marker = f"{marker}@example.net"
                setattr(row, field.name, marker)
                markers.append((model, field.name, marker))
            row.save()
    return markers


def test_the_export_holds_every_personal_field_and_erasure_empties_each(secretariat_client):
    member = Member.objects.get(name=BAGES)
    markers = _mark_every_personal_field(member)
    export_url = reverse("members_member:export", args=[member.pk, "json"])
    exported = secretariat_client.get(export_url).content.decode()
    missing = [(model.__name__, name) for model, name, marker in markers if marker not in exported]
    assert missing == []
    assert {model for model, _name, _marker in markers} == set(privacy.PERSONAL)

    secretariat_client.post(reverse("members_member:erase", args=[member.pk]))

    exported = secretariat_client.get(export_url).content.decode()
    assert [marker for _model, _name, marker in markers if marker in exported] == []
    for model, name, marker in markers:
        assert not model.objects.filter(**{name: marker}).exists(), (model.__name__, name)


def test_the_json_export_nests_what_is_kept_about_the_member(secretariat_client):
    member = Member.objects.get(name=BAGES)
    response = secretariat_client.get(reverse("members_member:export", args=[member.pk, "json"]))
    data = json.loads(response.content)
    assert data["contact_people"][0]["email"] == "contacte2@example.org"
    assert data["needs_responses"][0]["respondent_email"] == "persona@example.org"
    assert data["advice_requests"][0]["sessions"]
    assert {"area": "care_policies"} in data["needs_responses"][0]["areas"]
    assert data["member"]["working_groups"]
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
