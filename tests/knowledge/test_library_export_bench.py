"""The export benchmark's bulk generator makes real library items: live, public, listed,
exported and served like pages made through Wagtail."""

import csv
import io
import json
import re

import pytest

from django.test import RequestFactory

from wagtail.models import Page

from bench.library_export.generate import generate
from knowledge.models import GuidePage, KnowledgePage, LibraryPage, PolicyDocumentPage

pytestmark = pytest.mark.django_db


def library(language="ca"):
    return LibraryPage.objects.get(locale__language_code=language)


def library_count(query=""):
    page = library()
    return page.filterset(RequestFactory().get(f"{page.url}?{query}")).qs.count()


def exported(client, export_format, query=""):
    response = client.get(f"{library().url}export/{export_format}/?{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    if export_format == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    return json.loads(text)["items"]


@pytest.fixture
def generated(db):
    before = library_count()
    generate(50, seed=3, translated=0.5)
    return before


def test_fifty_items_are_added_to_what_the_library_lists(generated):
    assert library_count() == generated + 50
    new = KnowledgePage.objects.filter(slug__startswith="bench-3-", locale__language_code="ca")
    assert new.filter(policydocumentpage__isnull=False).exists()
    assert new.filter(guidepage__isnull=False).exists()


@pytest.mark.parametrize("query", ["", "kind=law", "topic=cures&sort=title", "year=2020"])
def test_both_downloads_write_as_many_items_as_the_library_lists(client, generated, query):
    expected = library_count(query)
    assert expected > 0  # the equality below means something only if the filter finds items
    assert len(exported(client, "csv", query)) == expected
    assert len(exported(client, "json", query)) == expected


def test_generated_items_carry_the_metadata_the_export_writes(client, generated):
    items = [item for item in exported(client, "json") if "/bench-3-" in item["url"]]
    assert len(items) == 50
    assert all(item["topics"] for item in items)
    for field in ("tags", "files", "translations", "working_group", "level", "edition"):
        assert any(item[field] for item in items), field


def test_generated_pages_are_served_and_the_tree_stays_sound(client, generated):
    page = PolicyDocumentPage.objects.filter(slug__startswith="bench-3-").first()
    assert client.get(page.url).status_code == 200
    guide = GuidePage.objects.filter(slug__startswith="bench-3-").first()
    assert client.get(guide.url).status_code == 200
    catalan = library()
    assert catalan.numchild == catalan.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])


def test_an_older_edition_is_generated_but_left_out_of_the_library(client, generated):
    newer = GuidePage.objects.filter(
        slug__startswith="bench-3-", previous_edition__isnull=False, locale__language_code="ca"
    ).first()
    assert newer is not None
    paths = {re.sub(r"^https?://[^/]+", "", item["url"]) for item in exported(client, "json")}
    assert newer.url in paths
    assert newer.previous_edition.live
    assert newer.previous_edition.url not in paths
