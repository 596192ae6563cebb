"""Policy documents: their fields on the page, related documents, and validation."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from knowledge.models import KnowledgeKind, PolicyDocumentPage, PolicyDocumentRelation

from .conftest import make_document, make_guide, make_policy_document

pytestmark = pytest.mark.django_db


def test_a_policy_document_shows_its_kind_level_status_body_and_link(client, library):
    page = make_policy_document(
        library,
        "Ordenança de clàusules socials",
        kind=KnowledgeKind.MODEL_CLAUSE,
        level=PolicyDocumentPage.Level.LOCAL,
        document_status=PolicyDocumentPage.DocumentStatus.IN_FORCE,
        issuing_body="Ajuntament d'exemple",
        official_url="https://example.org/ordenanca",
        adopted_on=datetime.date(2021, 2, 1),
        in_force_from=datetime.date(2021, 3, 1),
        documents=[make_document("Ordenança (PDF)", "Text de l'ordenança.")],
    )
    html = client.get(page.url).content.decode()
    for text in (
        "Ajuntament d&#x27;exemple",
        'href="https://example.org/ordenanca"',
        'datetime="2021-03-01"',
        "Ordenança (PDF)",
    ):
        assert text in html


def test_a_repealed_text_says_so_at_the_top(client, library):
    page = make_policy_document(
        library,
        "Llei derogada",
        document_status=PolicyDocumentPage.DocumentStatus.REPEALED,
        repealed_on=datetime.date(2020, 1, 1),
    )
    assert "notice--warning" in client.get(page.url).content.decode()


def test_related_documents_link_to_live_pages_only(client, library):
    related = make_policy_document(library, "Decret relacionat", kind=KnowledgeKind.DECREE)
    guide = make_guide(library, "Guia relacionada")
    page = make_policy_document(library, "Llei principal")
    page.related_document_links.add(PolicyDocumentRelation(target=related))
    page.related_document_links.add(PolicyDocumentRelation(target=guide))
    page.save_revision().publish()
    guide.unpublish()
    page = PolicyDocumentPage.objects.get(pk=page.pk)
    assert [document.pk for document in page.related_documents()] == [related.pk]
    html = client.get(page.url).content.decode()
    assert related.url in html


def test_an_end_date_needs_a_repealed_or_superseded_status():
    page = PolicyDocumentPage(
        title="x",
        slug="x",
        kind="law",
        summary="-",
        level="eu",
        document_status="in_force",
        repealed_on=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "repealed_on" in error.value.message_dict


def test_a_text_is_not_in_force_before_it_is_adopted():
    page = PolicyDocumentPage(
        title="x",
        slug="x",
        kind="law",
        summary="-",
        level="eu",
        adopted_on=datetime.date(2021, 1, 1),
        in_force_from=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "in_force_from" in error.value.message_dict


def test_the_demo_has_the_ess_law_work_with_related_documents(library):
    law = PolicyDocumentPage.objects.get(locale__language_code="ca", kind=KnowledgeKind.LAW)
    assert law.document_status == PolicyDocumentPage.DocumentStatus.DRAFT
    assert len(law.related_documents()) == 2
    assert law.attachments.get().document.extraction_status == "extracted"
