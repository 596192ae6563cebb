"""Reports built from the needs answers and advice, with CSV and XLSX export."""

import csv
import datetime
import io

import openpyxl
import pytest

from django.urls import reverse
from django.utils import translation

from members import reports

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year


@pytest.fixture
def english_secretariat(secretariat_client):
    """The secretariat with English as its admin language (the admin's default is Catalan,
    whatever the browser asks for)."""
    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="secretaria"))
    profile.preferred_language = "en"
    profile.save()
    return secretariat_client


def csv_rows(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf"), "spreadsheets need the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("needs", ["Area of need", "County", "Answers"]),
        ("hiring", ["Sector", "Year", "Answers", "Contracts", "Estimated amount (€)"]),
        ("workshops", ["Topic", "Answers asking for it"]),
        ("advice_hours", ["Member", "Topic", "Requests", "Hours"]),
    ],
)
def test_each_report_exports_a_csv_with_a_header_row_and_data(english_secretariat, name, header):
    response = english_secretariat.get(reverse(f"members_reports:{name}") + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0] == header
    assert len(rows) > 1 and all(len(row) == len(header) for row in rows)


def test_the_xlsx_export_opens_as_a_spreadsheet(secretariat_client):
    response = secretariat_client.get(reverse("members_reports:hiring") + "?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows[0]) == 5
    assert len(rows) > 1


def test_a_questionnaire_sent_on_the_site_shows_up_in_the_reports(
    client, english_secretariat, questionnaire_pages, valid_answer
):
    client.post(questionnaire_pages["en"].url, valid_answer)
    needs = english_secretariat.get(
        reverse("members_reports:needs") + f"?year={THIS_YEAR}&export=csv"
    )
    assert ["Climate crisis", "Garrotxa", "1"] in csv_rows(needs)
    hiring = english_secretariat.get(reverse("members_reports:hiring") + f"?year={THIS_YEAR}")
    assert "Energy" in hiring.content.decode()
    workshops = english_secretariat.get(reverse("members_reports:workshops"))
    assert "Climate crisis" in workshops.content.decode()


def test_reports_filter_by_year():
    last_year = reports.needs_by_area_and_county(THIS_YEAR - 1)
    assert {row["county"] for row in last_year} == {"Osona"}
    assert "Osona" not in {row["county"] for row in reports.needs_by_area_and_county(THIS_YEAR)}


def test_the_year_filter_is_applied_in_the_admin(secretariat_client):
    html = secretariat_client.get(
        reverse("members_reports:needs") + f"?year={THIS_YEAR - 1}"
    ).content.decode()
    assert "Osona" in html and "Bages" not in html


def test_an_unknown_year_is_ignored_not_a_server_error(secretariat_client):
    response = secretariat_client.get(reverse("members_reports:needs") + "?year=abc")
    assert response.status_code == 200


def test_expected_hiring_adds_contracts_by_sector_and_year():
    with translation.override("en"):
        rows = {
            (row["sector"], row["year"]): row
            for row in reports.expected_hiring_by_sector(THIS_YEAR)
        }
    cleaning = rows[("Cleaning", THIS_YEAR)]
    assert cleaning["contracts"] == 4 and cleaning["responses"] == 2


def test_the_hours_report_compares_the_year_with_its_bag(secretariat_client):
    summary = reports.hours_bag_summary(THIS_YEAR)
    assert summary["available"] == 120 and summary["used"] == 10
    html = secretariat_client.get(
        reverse("members_reports:advice_hours") + f"?year={THIS_YEAR}", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "120" in html and "110" in html
