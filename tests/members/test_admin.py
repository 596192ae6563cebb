"""Only the technical secretariat reaches members' records in the admin."""

import re

import pytest

from django.urls import reverse

from members.models import AdviceRequest, Member, NeedsResponse, OnboardingMeeting
from members.views.reports import REPORTS

pytestmark = pytest.mark.django_db


def member_admin_urls():
    member = Member.objects.get(name="Ajuntament d'exemple del Bages")
    answer = NeedsResponse.objects.filter(member=member).first()
    advice = AdviceRequest.objects.filter(member=member).first()
    meeting = OnboardingMeeting.objects.first()
    urls = [
        reverse("members_member:index"),
        reverse("members_member:index") + "?export=csv",
        reverse("members_member:edit", args=[member.pk]),
        reverse("members_member:inspect", args=[member.pk]),
        reverse("members_member:history", args=[member.pk]),
        reverse("members_member:export", args=[member.pk, "json"]),
        reverse("members_member:export", args=[member.pk, "csv"]),
        reverse("members_member:erase", args=[member.pk]),
        reverse("members_needs:index"),
        reverse("members_needs:edit", args=[answer.pk]),
        reverse("members_needs:inspect", args=[answer.pk]),
        reverse("members_onboarding:edit", args=[meeting.pk]),
        reverse("members_advice:edit", args=[advice.pk]),
        reverse("members_hours:index"),
        reverse("members_member:add"),
        reverse("members_needs:add"),
        reverse("members_onboarding:add"),
        reverse("members_advice:add"),
        reverse("members_hours:add"),
    ]
    for name, _view in REPORTS:
        urls += [
            reverse(f"members_reports:{name}"),
            reverse(f"members_reports:{name}") + "?export=csv",
        ]
    return urls


def test_coordinators_cannot_open_any_members_admin_url(coordinator_client):
    for url in member_admin_urls():
        response = coordinator_client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/admin/members" not in response["Location"], url
        assert b"Persona de contacte" not in response.content, url


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for url in member_admin_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_coordinators_cannot_erase_a_member(coordinator_client):
    member = Member.objects.get(name="Ajuntament d'exemple del Bages")
    coordinator_client.post(reverse("members_member:erase", args=[member.pk]))
    member.refresh_from_db()
    assert member.personal_data_erased_at is None
    assert member.contact_people.exists()


def test_coordinators_do_not_see_the_members_menu(coordinator_client):
    html = coordinator_client.get("/admin/").content.decode()
    assert reverse("members_member:index") not in html
    assert reverse("members_reports:needs") not in html


def test_the_secretariat_opens_every_members_admin_url(secretariat_client):
    for url in member_admin_urls():
        response = secretariat_client.get(url)
        assert response.status_code == 200, url


def test_the_secretariat_sees_a_member_s_contact_people(secretariat_client):
    member = Member.objects.get(name="Ajuntament d'exemple del Bages")
    html = secretariat_client.get(reverse("members_member:edit", args=[member.pk])).content.decode()
    assert "contacte2@example.org" in html


def test_the_secretariat_sees_a_questionnaire_sent_on_the_site(
    client, secretariat_client, questionnaire_pages, valid_answer
):
    client.post(questionnaire_pages["es"].url, valid_answer)
    listing = secretariat_client.get(reverse("members_needs:index"))
    assert "Ajuntament de Prova" in listing.content.decode()
    answer = NeedsResponse.objects.get(organisation_name="Ajuntament de Prova")
    detail = secretariat_client.get(
        reverse("members_needs:edit", args=[answer.pk])
    ).content.decode()
    assert "nuria@example.org" in detail


def test_the_secretariat_filters_members_by_county(secretariat_client):
    html = secretariat_client.get(
        reverse("members_member:index") + "?county=Bages"
    ).content.decode()
    assert "Ajuntament d&#x27;exemple del Bages" in html
    assert "Ajuntament d&#x27;exemple del Priorat" not in html


def test_the_secretariat_records_an_onboarding_meeting(secretariat_client):
    member = Member.objects.get(name="Ajuntament d'exemple del Bages")
    response = secretariat_client.post(
        reverse("members_onboarding:add"),
        {
            "member": member.pk,
            "held_on": "2026-02-03",
            "attendees": "",
            "notes": "Necessitats de cures",
            "next_steps": "",
        },
    )
    assert response.status_code == 302
    assert member.onboarding_meetings.filter(notes="Necessitats de cures").exists()


def test_the_secretariat_adds_a_member_with_a_contact_person(secretariat_client):
    response = secretariat_client.post(
        reverse("members_member:add"),
        {
            "name": "Ajuntament nou",
            "kind": "town_council",
            "status": "onboarding",
            "county": "Garraf",
            "population_band": "",
            "date_joined": "",
            "website": "",
            "elected_official": "",
            "notes": "",
            "contact_people-TOTAL_FORMS": "1",
            "contact_people-INITIAL_FORMS": "0",
            "contact_people-MIN_NUM_FORMS": "0",
            "contact_people-MAX_NUM_FORMS": "1000",
            "contact_people-0-name": "Persona nova",
            "contact_people-0-role": "",
            "contact_people-0-email": "nova@example.org",
            "contact_people-0-phone": "",
            "contact_people-0-ORDER": "1",
            "contact_people-0-id": "",
            "contact_people-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert (
        Member.objects.get(name="Ajuntament nou").contact_people.get().email == "nova@example.org"
    )


def test_the_secretariat_logs_hours_against_an_advice_request(secretariat_client):
    member = Member.objects.get(name="Ajuntament d'exemple del Bages")
    response = secretariat_client.post(
        reverse("members_advice:add"),
        {
            "member": member.pk,
            "requested_on": "2026-05-04",
            "status": "received",
            "topic": "climate",
            "preferred_format": "online",
            "partner_organisation": "FETS",
            "summary": "Comunitat energètica",
            "contact_name": "",
            "contact_email": "",
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "0",
            "sessions-MIN_NUM_FORMS": "0",
            "sessions-MAX_NUM_FORMS": "1000",
            "sessions-0-date": "2026-05-10",
            "sessions-0-hours": "2.5",
            "sessions-0-adviser": "",
            "sessions-0-notes": "",
            "sessions-0-id": "",
            "sessions-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert AdviceRequest.objects.get(summary="Comunitat energètica").hours_spent() == 2.5


def test_the_member_listing_downloads_as_a_spreadsheet_friendly_csv(secretariat_client):
    response = secretariat_client.get(reverse("members_member:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert "Vallès Occidental" in body
    assert "@example.org" not in body


def test_the_member_listing_says_whether_a_member_is_public_in_the_admin_language(
    secretariat_client,
):
    html = secretariat_client.get(
        reverse("members_member:index"), HTTP_ACCEPT_LANGUAGE="ca"
    ).content.decode()
    spoken = {text.strip() for text in re.findall(r'<span class="w-sr-only">([^<]*)</span>', html)}
    # The demo has members both in and out of the public directory.
    assert {"Sí", "No"} <= spoken
    assert not {"True", "False"} & spoken
