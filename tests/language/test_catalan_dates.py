"""Catalan dates put "de" or "d'" before the month: "10 d'octubre de 2022", "1 de juny de 2022".

Django's Catalan ``DATE_FORMAT`` ("j E \\d\\e Y") reads the preposition from the
month's alternative name, which ``language/locale`` supplies; every template,
feed and email that formats a date with ``DATE_FORMAT`` gets it from there.
"""

import datetime
import re

import pytest

from django.utils import formats, translation

from .crawl import crawl, visible_text

pytestmark = pytest.mark.django_db

MONTHS = "gener|febrer|març|abril|maig|juny|juliol|agost|setembre|octubre|novembre|desembre"
WITHOUT_PREPOSITION = re.compile(rf"\b\d{{1,2}} ({MONTHS})\b")
WITH_PREPOSITION = re.compile(rf"\b\d{{1,2}} (de |d')({MONTHS}) de \d{{4}}\b")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ca", ["10 d'octubre de 2022", "1 de juny de 2022", "3 d'abril de 2023"]),
        ("es", ["10 de octubre de 2022", "1 de junio de 2022", "3 de abril de 2023"]),
        ("en", ["10 October 2022", "1 June 2022", "3 April 2023"]),
    ],
)
def test_each_language_writes_dates_in_its_own_form(language, expected):
    days = [datetime.date(2022, 10, 10), datetime.date(2022, 6, 1), datetime.date(2023, 4, 3)]
    with translation.override(language):
        assert [formats.date_format(day, "DATE_FORMAT") for day in days] == expected


def test_no_public_catalan_page_writes_a_date_without_its_preposition(client):
    pages = crawl(client, "ca")
    correct, wrong = 0, []
    for path, html in pages.items():
        text = visible_text(html)
        correct += len(WITH_PREPOSITION.findall(text))
        wrong += [f"{path}: {match.group(0)!r}" for match in WITHOUT_PREPOSITION.finditer(text)]
    # The crawl reaches dated pages (news, guides, the agenda), so the check below means something.
    assert len(pages) > 20 and correct > 20, (len(pages), correct)
    assert wrong == []


def test_the_catalan_bulletin_email_dates_its_period_and_items(client):
    from news.models import BulletinPage

    bulletin = BulletinPage.objects.live().filter(locale__language_code="ca").first()
    assert bulletin is not None, "the demo has a Catalan bulletin"
    response = client.get(bulletin.url + "email/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert WITH_PREPOSITION.search(text)
    assert not WITHOUT_PREPOSITION.search(text)
