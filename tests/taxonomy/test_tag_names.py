"""Free tags are named in the reader's language: the secretariat gives each tag a
name per language, and a tag without one keeps its own (Catalan) name."""

import json
import re

import pytest

from django.contrib.auth import get_user_model

from knowledge.models import KnowledgePage, LibraryPage
from news.models import NewsPage
from taxonomy.models import TagTranslation
from taxonomy.tags import display_name, display_names

pytestmark = pytest.mark.django_db

CARE = {"ca": "cures", "es": "cuidados", "en": "care"}


def _tag_list(client, page):
    html = client.get(page.url).content.decode()
    found = re.search(r'<ul class="[^"]*free-tags[^"]*">(.*?)</ul>', html, re.S)
    assert found, page.url
    return re.findall(r"<li[^>]*>([^<]*)</li>", found.group(1))


def _tagged(model, language, tag="cures"):
    return model.objects.live().filter(locale__language_code=language, tags__name=tag).first()


@pytest.mark.parametrize("language", ["ca", "es", "en"])
@pytest.mark.parametrize("model", [KnowledgePage, NewsPage])
def test_a_pages_tags_are_named_in_its_language(client, model, language):
    page = _tagged(model, language)
    assert page is not None
    names = _tag_list(client, page)
    assert CARE[language] in names
    assert language == "ca" or "cures" not in names


def test_a_tag_without_a_translation_keeps_its_own_name(client):
    page = _tagged(KnowledgePage, "es")
    assert "cuidados" in _tag_list(client, page)
    TagTranslation.objects.filter(tag__name="cures", language="es").delete()
    names = _tag_list(client, page)
    assert "cures" in names and "cuidados" not in names


def test_one_query_names_any_number_of_tags(django_assert_num_queries):
    tags = [
        tag for page in KnowledgePage.objects.prefetch_related("tags") for tag in page.tags.all()
    ]
    assert len({tag.pk for tag in tags}) > 5
    with django_assert_num_queries(1):
        names = display_names(tags, "en")
    assert "housing" in names.values() and "care" in names.values()
    with django_assert_num_queries(0):
        assert display_names([], "en") == {}


def test_the_active_language_is_the_default(settings):
    from django.utils.translation import override

    tag = TagTranslation.objects.get(tag__name="habitatge", language="es").tag
    with override("es"):
        assert display_name(tag) == "vivienda"
    assert display_name(tag, "ca") == "habitatge"


def test_every_demo_tag_has_spanish_and_english_names():
    from taggit.models import Tag

    for tag in Tag.objects.all():
        languages = set(tag.translations.values_list("language", flat=True))
        assert languages >= {"es", "en"}, tag.name


def test_json_ld_and_the_library_downloads_name_tags_in_the_pages_language(client):
    page = _tagged(KnowledgePage, "en")
    html = client.get(page.url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    keywords = [json.loads(block).get("keywords") for block in blocks]
    assert any(k and "care" in k and "cures" not in k for k in keywords)
    library = LibraryPage.objects.get(locale__language_code="en")
    response = client.get(f"{library.url}export/json/")
    assert response.status_code == 200
    body = json.loads(b"".join(response.streaming_content))
    items = body["items"] if isinstance(body, dict) else body
    tags = {tag for item in items for tag in item["tags"]}
    assert "care" in tags and "housing" in tags
    assert not tags & {"cures", "habitatge"}


def test_the_secretariat_edits_tag_translations_and_no_one_else(client):
    translation = TagTranslation.objects.first()
    url = f"/admin/snippets/taxonomy/tagtranslation/edit/{translation.pk}/"
    client.force_login(get_user_model().objects.get(username="secretaria"))
    assert client.get("/admin/snippets/taxonomy/tagtranslation/").status_code == 200
    assert client.get(url).status_code == 200
    client.force_login(get_user_model().objects.get(username="coord-cures"))
    assert client.get("/admin/snippets/taxonomy/tagtranslation/").status_code in (302, 403)
    assert client.get(url).status_code in (302, 403)


def test_a_renamed_tag_shows_at_once(client, django_capture_on_commit_callbacks):
    # A page's tag names are kept until the public view changes: a new name changes it.
    page = _tagged(NewsPage, "en")
    assert "care" in _tag_list(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        translation = TagTranslation.objects.get(tag__name="cures", language="en")
        translation.name = "caring"
        translation.save()
    names = _tag_list(client, page)
    assert "caring" in names and "care" not in names
