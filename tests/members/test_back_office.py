"""The secretariat's day-to-day screens: forms that take everything at once, messages that
read correctly, numbers written one way per language, report controls in sight."""

import csv
import datetime
import html
import io
import re

import openpyxl
import pytest

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from language.grammar import of_name
from members.models import AdviceHoursBag, AdviceRequest, AdviceSession, Member
from members.viewsets import MemberViewSet

pytestmark = pytest.mark.django_db


def advice_request_form(member, **sessions):
    form = {
        "member": member.pk,
        "requested_on": "2026-05-04",
        "status": "received",
        "topic": "climate",
        "preferred_format": "online",
        "partner_organisation": "",
        "summary": "Comunitat energètica",
        "contact_name": "",
        "contact_email": "",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "sessions-0-date": "",
        "sessions-0-hours": "",
        "sessions-0-adviser": "",
        "sessions-0-notes": "",
        "sessions-0-id": "",
        "sessions-0-DELETE": "",
    }
    form.update({f"sessions-0-{name}": value for name, value in sessions.items()})
    return form


@pytest.fixture
def member():
    return Member.objects.get(name="Ajuntament d'exemple del Bages")


def test_the_new_advice_request_form_opens_with_a_row_for_hours(secretariat_client):
    html = secretariat_client.get(reverse("members_advice:add")).content.decode()
    assert 'name="sessions-TOTAL_FORMS" value="1"' in html
    assert 'name="sessions-0-hours"' in html


def test_hours_entered_with_a_new_advice_request_are_saved(secretariat_client, member):
    form = advice_request_form(member, date="2026-05-10", hours="3.5", adviser="FETS")
    response = secretariat_client.post(reverse("members_advice:add"), form)
    assert response.status_code == 302
    advice = AdviceRequest.objects.get(summary="Comunitat energètica")
    assert advice.sessions.get().adviser == "FETS"
    assert str(advice.hours_spent()) == "3.50"


def test_an_untouched_hours_row_is_ignored(secretariat_client, member):
    response = secretariat_client.post(reverse("members_advice:add"), advice_request_form(member))
    assert response.status_code == 302
    assert not AdviceRequest.objects.get(summary="Comunitat energètica").sessions.exists()


def test_the_creation_message_agrees_in_catalan(secretariat_client, member):
    secretariat_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ca"
    response = secretariat_client.post(reverse("members_advice:add"), advice_request_form(member))
    [message] = [html.unescape(str(m.message)) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Petició d'assessorament 'Ajuntament d'exemple del Bages · ")
    assert "' creada." in message


def test_the_update_message_of_a_member_is_masculine_in_catalan(member):
    with translation.override("ca"):
        message = str(MemberViewSet.updated_message) % {"object": member}
    assert message == "Membre 'Ajuntament d'exemple del Bages' actualitzat."


@pytest.mark.parametrize(
    ("name", "catalan", "spanish"),
    [
        ("Ajuntament de Vic", "de l'Ajuntament de Vic", "del Ajuntament de Vic"),
        ("Consell Comarcal del Bages", "del Consell Comarcal del Bages", "del Consell Comarcal"),
        ("Diputació de Girona", "de la Diputació de Girona", "de la Diputació de Girona"),
        ("Olot", "d'Olot", "de Olot"),
        ("Vic", "de Vic", "de Vic"),
        ("Universitat de Vic", "de la Universitat de Vic", "de la Universitat de Vic"),
    ],
)
def test_of_a_name_takes_the_article_and_elision_of_each_language(name, catalan, spanish):
    assert of_name(name, "ca") == catalan
    assert of_name(name, "es").startswith(spanish)
    assert of_name(name, "en") == f"of {name}"


def test_the_directory_links_to_the_website_of_l_ajuntament(client, directory_pages):
    member = Member.objects.published().exclude(website="").first()
    assert member.name.startswith("Ajuntament")
    html = client.get(directory_pages["ca"].url).content.decode()
    assert f"Lloc web de l&#x27;{member.name.replace(chr(39), '&#x27;')}" in html
    assert "Lloc web de Ajuntament" not in html


def test_hours_read_the_same_way_on_every_screen_of_a_language():
    bag = AdviceHoursBag.objects.first()
    with translation.override("ca"):
        assert re.fullmatch(r"\d{4}: \d+,\d\d h", str(bag))
    with translation.override("en"):
        assert re.fullmatch(r"\d{4}: \d+\.\d\d h", str(bag))
    assert bag.hours_used().as_tuple().exponent == -2
    assert bag.hours_left().as_tuple().exponent == -2


@pytest.fixture
def year_with_half_hours(member):
    """A year whose only advice took 12.5 hours, out of a bag of 107.5."""
    year = 2031
    AdviceHoursBag.objects.create(year=year, hours="107.5")
    advice = AdviceRequest.objects.create(member=member, topic="climate", summary="Prova")
    AdviceSession.objects.create(request=advice, date=datetime.date(year, 3, 1), hours="12.5")
    return year


def test_the_hours_report_shows_two_decimals_with_a_comma_in_catalan(
    secretariat_client, year_with_half_hours
):
    secretariat_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ca"
    page = secretariat_client.get(
        reverse("members_reports:advice_hours"), {"year": year_with_half_hours}
    ).content.decode()
    assert "12,50" in page and "107,50" in page and "95,00" in page
    assert not re.search(r"\b12,5\b(?!0)", page)


def test_the_hours_csv_writes_decimals_with_a_dot(secretariat_client, year_with_half_hours):
    secretariat_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ca"
    response = secretariat_client.get(
        reverse("members_reports:advice_hours"), {"year": year_with_half_hours, "export": "csv"}
    )
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert [row[-1] for row in rows[1:]] == ["12.50"]


def test_the_xlsx_sheet_is_named_after_the_report(secretariat_client):
    secretariat_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ca"
    response = secretariat_client.get(reverse("members_reports:hiring") + "?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    # Excel allows 31 characters in a sheet's name.
    assert workbook.sheetnames == ["Contractació prevista per sector"[:31]]


def test_the_report_shows_its_year_filter_and_downloads_on_its_face(secretariat_client):
    html = secretariat_client.get(reverse("members_reports:needs")).content.decode()
    assert 'id="members-report-year"' in html
    assert "export=csv" in html and "export=xlsx" in html
    # Outside the filter drawer and the header's dropdown: inside the results themselves.
    results = html[html.index('id="listing-results"') :]
    assert 'id="members-report-year"' in results and "export=xlsx" in results


def export_rows(client, url):
    response = client.get(url)
    content = b"".join(response.streaming_content)
    if url.endswith("xlsx"):
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_directory_xlsx_shows_labels_and_the_csv_keeps_codes(secretariat_client):
    # People read the XLSX; programs read the CSV (docs/open-data.md).
    secretariat_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ca"
    url = reverse("members_member:index") + "?export="
    csv_rows = export_rows(secretariat_client, url + "csv")
    xlsx_rows = export_rows(secretariat_client, url + "xlsx")
    kind, public = 1, 6  # list_export: name, kind, county, population_band, date_joined, status, …
    assert csv_rows[0] == list(xlsx_rows[0]) and csv_rows[0][kind] == "Tipus"
    assert {row[kind] for row in csv_rows[1:]} >= {"town_council"}
    assert {row[public] for row in csv_rows[1:]} <= {"True", "False"}
    xlsx_kinds = {row[kind] for row in xlsx_rows[1:]}
    assert "Ajuntament" in xlsx_kinds and "town_council" not in xlsx_kinds
    assert {row[public] for row in xlsx_rows[1:]} <= {"Sí", "No"}
