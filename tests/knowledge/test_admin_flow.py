"""The acceptance flow, as the secretariat's demo account, through the admin's own URLs.

Create a guide with three chapters, attach a PDF, publish; publish a second
edition (copying the guide with its chapters, as editors do); the first
edition then shows the notice pointing to the second.
"""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.demo_files import build_pdf
from knowledge.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    assert client.login(username="secretaria", password="secretaria-demo")
    return client


def guide_form(
    title, slug, *, attachments, edition_number=1, previous_edition="", date="2022-05-01"
):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "guide",
            "summary": "Guia per als ajuntaments de la xarxa.",
            "authors": "Secretaria tècnica",
            "working_group": "",
            "publication_date": date,
            "cover_image": "",
            "tags": "proves, guies",
            "edition_number": str(edition_number),
            "edition_status": "published",
            "planned_year": "",
            "previous_edition": previous_edition,
            "introduction": streamfield([]),
            "attachments": inline_formset(
                attachments, initial=sum(1 for a in attachments if a.get("id"))
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def chapter_form(title, heading, text):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "",
            "body": streamfield(
                [
                    ("heading", {"text": heading, "level": "h2"}),
                    ("paragraph", rich_text(f"<p>{text}</p>")),
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_secretariat_publishes_a_guide_with_chapters_and_a_second_edition(
    secretariat, library, django_capture_on_commit_callbacks
):
    # Upload the PDF.
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Guia de finances ètiques (PDF)",
                "collection": 1,
                "tags": "",
                "file": SimpleUploadedFile(
                    "finances.pdf",
                    build_pdf("Finances", ["Banca ètica i microcrèdits."]),
                    "application/pdf",
                ),
            },
        )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Guia de finances ètiques (PDF)")

    # Create and publish the guide with the PDF attached.
    response = secretariat.post(
        reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", library.pk]),
        guide_form(
            "Guia de finances ètiques",
            "guia-de-finances-etiques",
            attachments=[{"document": document.pk, "label": ""}],
        ),
    )
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    first = GuidePage.objects.get(slug="guia-de-finances-etiques", locale=library.locale)
    assert first.live
    assert first.attachments.get().document == document

    # Three chapters, each published.
    for number, (title, heading) in enumerate(
        [("Què són", "Definició"), ("Per a què", "Usos"), ("Com", "Passos")], 1
    ):
        response = secretariat.post(
            reverse("wagtailadmin_pages:add", args=["knowledge", "guidechapterpage", first.pk]),
            chapter_form(title, heading, f"Text del capítol {number}."),
        )
        assert response.status_code == 302, response.context["form"].errors
    chapters = GuideChapterPage.objects.child_of(first).live()
    assert chapters.count() == 3
    html = secretariat.get(first.url).content.decode()
    assert all(chapter.url in html for chapter in chapters)
    assert "microcrèdits" in GuidePage.objects.get(pk=first.pk).attachment_text()
    assert list(GuidePage.objects.live().search("microcrèdits")) == [first]

    # New edition: copy the guide with its chapters, then set its number and predecessor.
    response = secretariat.post(
        reverse("wagtailadmin_pages:copy", args=[first.pk]),
        {
            "new_title": "Guia de finances ètiques (2a edició)",
            "new_slug": "guia-de-finances-etiques-2",
            "new_parent_page": library.pk,
            "copy_subpages": "on",
        },
    )
    assert response.status_code == 302
    second = GuidePage.objects.get(slug="guia-de-finances-etiques-2")
    assert GuideChapterPage.objects.child_of(second).count() == 3
    copied_attachment = second.attachments.get()
    response = secretariat.post(
        reverse("wagtailadmin_pages:edit", args=[second.pk]),
        guide_form(
            "Guia de finances ètiques (2a edició)",
            "guia-de-finances-etiques-2",
            edition_number=2,
            previous_edition=str(first.pk),
            date="2023-05-01",
            attachments=[{"id": copied_attachment.pk, "document": document.pk, "label": ""}],
        ),
    )
    assert response.status_code == 302
    second = GuidePage.objects.get(pk=second.pk)
    assert second.live and second.edition_number == 2

    # The first edition now points readers to the second.
    html = secretariat.get(first.url).content.decode()
    assert "notice--warning" in html
    assert f'<a href="{second.url}">' in html
    # And the second is the current edition.
    assert GuidePage.objects.get(pk=second.pk).is_current_edition


def test_the_admin_refuses_an_edition_numbered_below_the_one_it_replaces(secretariat, library):
    first = GuidePage.objects.get(slug="guia-abc", locale=library.locale)
    response = secretariat.post(
        reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", library.pk]),
        guide_form(
            "Guia ABC 0",
            "guia-abc-0",
            attachments=[],
            edition_number=1,
            previous_edition=str(first.pk),
        ),
    )
    assert response.status_code == 200
    assert "edition_number" in response.context["form"].errors
    assert not GuidePage.objects.filter(slug="guia-abc-0").exists()


def test_the_topics_offered_are_those_of_the_pages_language(secretariat, library):
    response = secretariat.get(
        reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", library.pk])
    )
    topics = response.context["form"].fields["topics"].queryset
    assert topics.exists()
    assert set(topics.values_list("locale__language_code", flat=True)) == {"ca"}


@pytest.mark.parametrize("model", ["guidepage", "policydocumentpage"])
def test_the_add_forms_of_knowledge_pages_render_in_a_working_groups_section(
    secretariat, groups, model
):
    group = groups["habitatge-cooperatiu"]
    response = secretariat.get(
        reverse("wagtailadmin_pages:add", args=["knowledge", model, group.pk])
    )
    assert response.status_code == 200


def test_the_edit_forms_of_the_demo_knowledge_pages_render(secretariat, library):
    from knowledge.models import GuideChapterPage, KnowledgePage

    pages = [library, *KnowledgePage.objects.live().filter(locale=library.locale)]
    pages.append(GuideChapterPage.objects.live().first())
    for page in pages:
        response = secretariat.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
