"""The demo content of the knowledge base, as the seed describes it."""

import pytest

from knowledge.models import GuidePage, KnowledgeKind, KnowledgePage, PolicyDocumentPage

pytestmark = pytest.mark.django_db


def catalan(model):
    return model.objects.filter(locale__language_code="ca")


def test_the_group_guides_live_inside_their_groups_sections(groups):
    housing = catalan(GuidePage).get(
        slug="guia-de-cooperativisme-dhabitatge-per-a-administracions-locals"
    )
    care = catalan(GuidePage).get(slug="guia-sobre-politiques-publiques-de-lambit-de-les-cures")
    assert housing.get_parent().pk == groups["habitatge-cooperatiu"].pk
    assert care.get_parent().pk == groups["politiques-de-cures"].pk
    assert housing.working_group_id == groups["habitatge-cooperatiu"].pk
    assert housing.get_children().live().count() == 3


def test_the_abc_guide_has_a_first_edition_and_a_second_planned_for_2023():
    first = catalan(GuidePage).get(slug="guia-abc")
    second = catalan(GuidePage).get(slug="guia-abc-2a-edicio")
    assert second.previous_edition_id == first.pk
    assert second.edition_status == GuidePage.EditionStatus.IN_PREPARATION
    assert second.planned_year == 2023
    assert first.is_current_edition


def test_the_procurement_campaign_is_campaign_material():
    assert catalan(GuidePage).filter(kind=KnowledgeKind.CAMPAIGN).exists()


def test_the_ess_law_work_is_there_as_policy_documents():
    titles = list(catalan(PolicyDocumentPage).values_list("title", flat=True))
    assert any("Llei de l'economia social i solidària" in title for title in titles)
    assert any("Posicionament" in title for title in titles)


def test_every_demo_item_has_a_pdf_whose_text_was_extracted():
    for page in KnowledgePage.objects.live():
        attachments = list(page.attachments.select_related("document"))
        assert attachments, page
        for attachment in attachments:
            assert attachment.document.file_extension == "pdf"
            assert attachment.document.extraction_status == "extracted"
            assert attachment.document.extracted_text


def test_every_item_exists_in_catalan_spanish_and_english():
    for page in catalan(KnowledgePage).live():
        assert {t.locale.language_code for t in page.get_translations(inclusive=True)} == {
            "ca",
            "es",
            "en",
        }


def test_the_demo_says_what_is_an_example():
    housing = catalan(GuidePage).get(
        slug="guia-de-cooperativisme-dhabitatge-per-a-administracions-locals"
    )
    assert "exemple" in str(housing.introduction).lower()
    assert "exemple" in housing.attachments.get().document.extracted_text.lower()
