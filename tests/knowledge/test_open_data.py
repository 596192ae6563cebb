"""The library as open data: CSV and JSON downloads of the filtered results, and JSON-LD."""

import csv
import datetime
import io
import json
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.metadata import FIELDS
from knowledge.models import GuidePage, KnowledgeKind, PolicyDocumentPage

from .conftest import make_document, make_guide, make_policy_document

pytestmark = pytest.mark.django_db

TITLE_LINK = re.compile(r'<h3><a href="([^"]+)">')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page_urls(client, library, query):
    """Every result's URL on the library page, all pages of results followed."""
    urls, number = [], 1
    while True:
        response = client.get(library.url, {**query, "page": number})
        assert response.status_code == 200
        urls += TITLE_LINK.findall(response.content.decode())
        if 'rel="next"' not in response.content.decode():
            return urls
        number += 1


def download(client, library, export_format, query):
    response = client.get(f"{library.url}export/{export_format}/", query)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def csv_records(text):
    return list(csv.DictReader(io.StringIO(text)))


def relative(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def rich_items(library, topics, groups):
    """A policy document and a guide with every kind of metadata, files and a tag."""
    law_text = make_document("Text de la llei", "Article primer.", language="es")
    law_text.get_file_size()  # as an upload through the admin records it
    law = make_policy_document(
        library,
        "Llei de dades obertes",
        kind=KnowledgeKind.LAW,
        topics=[topics["cures"]],
        documents=[law_text],
        issuing_body="Parlament de Catalunya",
        official_url="https://dogc.example/llei",
        document_status=PolicyDocumentPage.DocumentStatus.IN_FORCE,
    )
    guide = make_guide(
        groups["politiques-de-cures"],
        "=Guia amb fórmula",
        topics=[topics["cures"]],
        tags=["obertes"],
        documents=[make_document("Guia en PDF", "Contingut.")],
    )
    return law, guide


@pytest.mark.parametrize(
    "query",
    [{}, {"kind": "law"}, {"topic": "cures", "sort": "title"}, {"year": "2022", "sort": "oldest"}],
)
def test_the_csv_lists_exactly_the_library_pages_results_in_their_order(
    client, library, rich_items, query
):
    listed = page_urls(client, library, query)
    exported = [
        relative(row["url"]) for row in csv_records(download(client, library, "csv", query))
    ]
    assert listed  # the comparison below means something only if the filter finds items
    assert exported == listed


@pytest.mark.parametrize("query", [{}, {"group": "politiques-de-cures"}, {"language": "es"}])
def test_the_json_lists_exactly_the_library_pages_results_in_their_order(
    client, library, rich_items, query
):
    listed = page_urls(client, library, query)
    data = json.loads(download(client, library, "json", query))
    assert listed
    assert [relative(item["url"]) for item in data["items"]] == listed


def test_every_json_item_carries_every_metadata_field(client, library, rich_items):
    law, _guide = rich_items
    items = json.loads(download(client, library, "json", {"kind": "law"}))["items"]
    assert all(list(item) == FIELDS for item in items)
    item = next(item for item in items if item["id"] == law.pk)
    assert item["type"] == "policy_document"
    assert item["title"] == "Llei de dades obertes"
    assert item["kind"] == "law" and item["level"] == "catalonia"
    assert item["status"] == "in_force"
    assert item["issuing_body"] == "Parlament de Catalunya"
    assert item["topics"] == [rich_items[0].topics.first().name]
    assert item["file_languages"] == ["es"]
    [file] = item["files"]
    assert file["title"] == "Text de la llei" and file["format"] == "pdf"
    assert file["size"] == law_text_size(law)
    assert file["url"].endswith(".pdf")
    assert item["licence"].startswith("https://creativecommons.org/")


def law_text_size(law):
    return law.attachments.get().document.file.size


def test_the_csv_has_every_field_and_neutralises_formulas(client, library, rich_items):
    _law, guide = rich_items
    rows = csv_records(download(client, library, "csv", {"group": "politiques-de-cures"}))
    row = next(row for row in rows if row["id"] == str(guide.pk))
    assert "files" not in row and {"file_urls", "file_sizes", "translations"} <= set(row)
    assert row["title"] == "'=Guia amb fórmula"
    assert row["tags"] == "obertes"
    assert row["working_group"]
    assert row["file_urls"].endswith(".pdf")


def test_the_translations_urls_are_listed(client, library):
    data = json.loads(download(client, library, "json", {}))
    translated = [item for item in data["items"] if item["translations"]]
    assert translated, "the demo translates its guides"
    assert {t["language"] for t in translated[0]["translations"]} <= {"es", "en"}


def test_a_draft_is_in_the_admin_but_not_in_the_downloads(
    client, admin_client, library, rich_items
):
    draft = GuidePage(
        title="Guia en esborrany",
        kind=KnowledgeKind.GUIDE,
        summary="Esborrany.",
        publication_date=datetime.date(2022, 1, 1),
        live=False,
    )
    library.add_child(instance=draft)
    draft.save_revision()
    admin_listing = admin_client.get(f"/admin/pages/{library.pk}/")
    assert "Guia en esborrany" in admin_listing.content.decode()
    csv_text = download(client, library, "csv", {})
    json_text = download(client, library, "json", {})
    assert "Llei de dades obertes" in csv_text and "Llei de dades obertes" in json_text
    assert "Guia en esborrany" not in csv_text
    assert "Guia en esborrany" not in json_text


def test_the_library_page_links_to_the_downloads_of_its_filters(client, library):
    html = client.get(library.url, {"kind": "guide", "page": "1"}).content.decode()
    assert f'href="{library.url}export/csv/?kind=guide"' in html
    assert f'href="{library.url}export/json/?kind=guide"' in html


def test_an_unknown_filter_value_is_a_400_with_a_message(client, library):
    response = client.get(f"{library.url}export/json/", {"kind": "nope"})
    assert response.status_code == 400
    assert response.content


def json_ld_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    [script] = JSON_LD.findall(response.content.decode())
    return json.loads(script)


def test_a_guide_carries_its_metadata_as_json_ld(client):
    guide = (
        GuidePage.objects.live()
        .filter(locale__language_code="ca", kind="guide")
        .exclude(attachments=None)
        .exclude(topics=None)
        .first()
    )
    data = json_ld_of(client, guide)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["name"] == guide.title
    assert data["description"] == guide.summary
    assert data["inLanguage"] == "ca"
    assert data["url"].endswith(guide.url)
    assert data["datePublished"] == guide.publication_date.isoformat()
    assert data["version"] == guide.edition_number
    assert data["license"].startswith("https://creativecommons.org/")
    assert data["associatedMedia"][0]["contentUrl"].endswith(".pdf")
    assert {term["name"] for term in data["about"]} == {t.name for t in guide.topics.all()}
    assert {t["inLanguage"] for t in data["workTranslation"]} == {"es", "en"}


def test_a_law_is_schema_org_legislation_with_its_legal_metadata(client, rich_items):
    law, _guide = rich_items
    data = json_ld_of(client, law)
    assert data["@type"] == "Legislation"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert data["legislationPassedBy"]["name"] == "Parlament de Catalunya"
    assert data["legislationJurisdiction"] == str(law.get_level_display())
    assert data["sameAs"] == "https://dogc.example/llei"
    assert data["associatedMedia"][0]["inLanguage"] == "es"


def test_a_report_is_a_schema_org_report(client, library):
    report = make_policy_document(library, "Informe anual", kind=KnowledgeKind.REPORT)
    assert json_ld_of(client, report)["@type"] == "Report"


def test_json_ld_cannot_close_its_script_element(client, library):
    page = make_policy_document(library, "Informe </script><b>", kind=KnowledgeKind.REPORT)
    assert json_ld_of(client, page)["name"] == "Informe </script><b>"


def count_export_queries(client, library):
    download(client, library, "json", {"kind": "report"})  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        download(client, library, "json", {"kind": "report"})
    return len(queries)


def test_the_export_costs_the_same_queries_for_3_or_15_items(client, library):
    # Records are built a chunk at a time with a fixed number of queries per chunk.
    for number in range(3):
        make_policy_document(library, f"Informe {number}", kind=KnowledgeKind.REPORT)
    few = count_export_queries(client, library)
    for number in range(3, 15):
        make_policy_document(library, f"Informe {number}", kind=KnowledgeKind.REPORT)
    many = count_export_queries(client, library)
    items = json.loads(download(client, library, "json", {"kind": "report"}))["items"]
    assert len(items) >= 15
    assert many == few
