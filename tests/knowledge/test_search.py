"""Search sees the text inside attached files, on the pages that attach them; no drafts."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from documents.indexing import extract_and_store
from knowledge.demo_files import build_pdf
from knowledge.models import GuidePage, KnowledgePage, PolicyDocumentPage

from .conftest import make_document, make_guide, make_policy_document

pytestmark = pytest.mark.django_db


def test_the_demo_housing_guide_is_found_by_a_word_that_is_only_in_its_pdf(library):
    guide = GuidePage.objects.get(
        locale__language_code="ca", slug__startswith="guia-de-cooperativisme"
    )
    assert "masoveria" not in (guide.title + guide.summary + str(guide.introduction)).lower()
    results = GuidePage.objects.live().filter(locale=guide.locale).search("masoveria")
    assert [page.pk for page in results] == [guide.pk]


def test_a_guide_is_found_by_a_word_that_is_only_in_its_attached_pdf(library):
    document = make_document("Annex tècnic", "Parla de geotèrmia comunitària.")
    guide = make_guide(library, "Guia amb annex", documents=[document])
    assert [page.pk for page in GuidePage.objects.live().search("geotèrmia")] == [guide.pk]


def test_a_policy_document_is_found_by_the_text_of_its_file(library):
    document = make_document("Text consolidat", "Article primer: la mutualitat escolar.")
    page = make_policy_document(library, "Decret d'exemple", documents=[document])
    assert list(PolicyDocumentPage.objects.live().search("mutualitat")) == [page]


def test_extracting_the_text_later_reindexes_the_pages_that_attach_the_document(library):
    document = get_document_model()(title="Pendent")
    document.file.save(
        "pendent.pdf", ContentFile(build_pdf("Pendent", ["Paraula: agroecologia."])), save=False
    )
    document.save()  # Extraction is queued on commit, which a test transaction never reaches.
    guide = make_guide(library, "Guia amb fitxer pendent", documents=[document])
    assert not GuidePage.objects.live().search("agroecologia")
    extract_and_store(document)
    assert [page.pk for page in GuidePage.objects.live().search("agroecologia")] == [guide.pk]


def test_a_draft_that_attaches_a_file_is_not_found(library):
    document = make_document("Esborrany d'annex", "Paraula: permacultura.")
    guide = make_guide(library, "Guia publicada")
    from knowledge.models import KnowledgeAttachment

    guide.attachments.add(KnowledgeAttachment(document=document))
    guide.save_revision()  # A draft change, not published.
    assert not KnowledgePage.objects.live().search("permacultura")


def test_an_unpublished_guide_is_not_found(library):
    document = make_document("Annex retirat", "Paraula: bioconstrucció.")
    guide = make_guide(library, "Guia retirada", documents=[document])
    guide.unpublish()
    assert not GuidePage.objects.live().search("bioconstrucció")


def test_files_in_a_private_collection_do_not_lend_their_text_to_public_pages(library):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = make_document("Acta interna", "Paraula: confidencialitat.")
    document.collection = private
    document.save()
    make_guide(library, "Guia amb acta", documents=[document])
    assert not GuidePage.objects.live().search("confidencialitat")
