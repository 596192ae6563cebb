"""A revision loads with modelcluster's rules for what it references, in a few queries.

What a revision names may have been deleted since: an inline row pointing at a
deleted file is dropped (``CASCADE``), the page's cover image is blanked
(``SET_NULL``), everything still present is kept, and the tags come with their
names without one query per tag.
"""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision

from groups.models import WorkingGroupPage
from knowledge.models import GuidePage, KnowledgeAttachment
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def a_file(title):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.txt", ContentFile(b"Acta de la reunio."), save=False)
    document.save()
    return document


def guide_with_files_and_tags():
    """A demo guide given two files and three tags."""
    guide = GuidePage.objects.filter(locale__language_code="ca").first()
    for n, title in enumerate(("acta-1", "acta-2")):
        KnowledgeAttachment.objects.create(page=guide, document=a_file(title), sort_order=n)
    guide.tags.add("habitatge", "cooperatives", "cessió d'ús")
    guide.save()  # the rows are the live page's; nothing published, nothing indexed
    return GuidePage.objects.get(pk=guide.pk)


def test_a_revision_keeps_what_exists_and_reads_tags_in_one_go():
    guide = guide_with_files_and_tags()
    revision = guide.save_revision()
    loaded = revision.as_object()
    assert sorted(a.document_id for a in loaded.attachments.all()) == sorted(
        a.document_id for a in guide.attachments.all()
    )
    with CaptureQueriesContext(connection) as queries:
        names = sorted(item.tag.name for item in loaded.tagged_items.all())
    assert names == sorted(guide.tags.names())
    assert len(queries) == 0


def test_a_revision_drops_rows_and_blanks_fields_whose_objects_are_gone():
    guide = guide_with_files_and_tags()
    image = get_image_model().objects.create(title="Portada", file=get_test_image_file())
    guide.cover_image = image
    kept = list(guide.attachments.all())
    revision = guide.save_revision()
    gone = next(a.document for a in kept if a.document.title.startswith("acta-"))
    # Deleted behind the revision's back, as an old revision would find them.
    KnowledgeAttachment.objects.filter(document=gone)._raw_delete(connection.alias)
    type(gone).objects.filter(pk=gone.pk)._raw_delete(type(gone).objects.db)
    type(image).objects.filter(pk=image.pk)._raw_delete(type(image).objects.db)
    loaded = Page.objects.get(pk=revision.object_id).revisions.get(pk=revision.pk).as_object()
    assert loaded.cover_image_id is None
    assert gone.pk not in [a.document_id for a in loaded.attachments.all()]
    assert len(loaded.attachments.all()) == len(kept) - 1


def test_a_key_to_a_page_type_keeps_its_page():
    """``related_group`` names a ``WorkingGroupPage`` by its ``page_ptr``: found, kept."""
    group = WorkingGroupPage.objects.filter(locale__language_code="ca").first()
    news_index = NewsIndexPage.objects.get(locale__language_code="ca")
    item = news_index.add_child(
        instance=NewsPage(title="Notícia", slug="noticia-del-grup", lead="Entradeta.", live=False)
    )
    item.related_group = group
    item.save_revision()
    loaded = Page.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert loaded.related_group_id == group.pk


def test_a_revision_takes_its_content_types_from_djangos_cache():
    guide = GuidePage.objects.filter(locale__language_code="ca").first()
    revision = guide.save_revision()
    ContentType.objects.clear_cache()

    def content_type_reads():
        with CaptureQueriesContext(connection) as queries:
            loaded = Revision.objects.get(pk=revision.pk).as_object()
        assert loaded.title == guide.title
        statements = [query["sql"] for query in queries.captured_queries]
        return [sql for sql in statements if 'FROM "django_content_type"' in sql]

    assert content_type_reads()  # the first load fills the cache
    assert content_type_reads() == []
