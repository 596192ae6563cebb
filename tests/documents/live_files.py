"""Builders for the file-rule tests: the demo's housing group, its coordinator's uploads,
and guides that use them, as drafts or published in Catalan and Spanish."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from groups.models import WorkingGroupAccess, WorkingGroupPage
from knowledge.models import GuidePage, KnowledgeAttachment, KnowledgeKind

HOUSING = "habitatge-cooperatiu"
CARE = "politiques-de-cures"


def user(username):
    return get_user_model().objects.get(username=username)


def group_page(slug=HOUSING, language="ca"):
    page = WorkingGroupPage.objects.get(slug=slug, locale__language_code="ca")
    return page.get_translation(Locale.objects.get(language_code=language))


def group_collection(slug=HOUSING):
    page = group_page(slug)
    return WorkingGroupAccess.objects.get(translation_key=page.translation_key).collection


def document(title, *, collection=None, owner=None, name="acta.txt"):
    item = get_document_model()(
        title=title, collection=collection or group_collection(), uploaded_by_user=owner
    )
    item.file.save(name, ContentFile(f"{title}: text of the file.".encode()), save=False)
    item.save()
    return item


def image(title, *, collection=None, owner=None, name="portada.png"):
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(name),
        collection=collection or group_collection(),
        uploaded_by_user=owner,
    )


def guide(title, slug, *, parent=None, files=(), cover=None, live=True, owner=None):
    """A guide in the housing section attaching ``files``, published unless ``live=False``."""
    page = GuidePage(
        title=title,
        slug=slug,
        kind=KnowledgeKind.GUIDE,
        summary="Resum de prova.",
        publication_date=datetime.date(2024, 1, 15),
        cover_image=cover,
        live=False,
        owner=owner,
    )
    for item in files:
        page.attachments.add(KnowledgeAttachment(document=item))
    Page.objects.get(pk=(parent or group_page()).pk).specific.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    return GuidePage.objects.get(pk=page.pk)


def publish_translation(page, title, language="es"):
    """The page's translation, with the same files, published."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation.title = title
    translation.save_revision().publish()
    return GuidePage.objects.get(pk=translation.pk)
