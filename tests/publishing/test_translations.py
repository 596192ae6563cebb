"""A translation is never public until someone publishes it (issue #12).

Everything goes through the admin as the secretariat does it: "Translate this
page", the translation editor (manual strings, machine translation, Publish)
and "Sync translated pages".
"""

import datetime
import re
from urllib.parse import urlencode

import pytest

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from groups.models import WorkingGroupPage
from knowledge.models import GuideChapterPage, GuidePage, KnowledgeKind

pytestmark = pytest.mark.django_db

TITLE_CA = "Guia de masoveria rural"
TITLE_ES = "Guía de masovería rural"
SPANISH = {
    TITLE_CA: TITLE_ES,
    "guia-de-masoveria-rural": "guia-de-masoveria-rural-es",
    "Resum de la guia.": "Resumen de la guía.",
}
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def es():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def group_ca():
    return WorkingGroupPage.objects.get(slug="habitatge-cooperatiu", locale__language_code="ca")


@pytest.fixture
def admin(client):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    return client


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on-commit work (wagtail-localize publishes on commit; search indexes on commit)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def _add_live(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def guide(group_ca):
    return _add_live(
        group_ca,
        GuidePage(
            title=TITLE_CA,
            slug="guia-de-masoveria-rural",
            kind=KnowledgeKind.GUIDE,
            summary="Resum de la guia.",
            publication_date=datetime.date(2024, 1, 15),
        ),
    )


@pytest.fixture
def chapter(guide):
    return _add_live(
        guide, GuideChapterPage(title="Capítol primer", slug="capitol-primer", body=[])
    )


def _submit(admin, commit, page, locale, **extra):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = commit(admin.post, url, {"locales": [locale.pk], **extra})
    assert response.status_code == 302
    return Page.objects.get(translation_key=page.translation_key, locale=locale).specific


def _translation(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale, enabled=True
    )


def _translate_strings(admin, target, values):
    translation = _translation(target)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in values:
            url = reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
            )
            response = admin.put(
                url,
                urlencode({"value": values[segment.string.data]}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201)


def _publish_in_translation_editor(admin, commit, target):
    response = commit(
        admin.post, reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert response.status_code == 302
    return Page.objects.get(pk=target.pk).specific


def _public_view(anonymous, target, group_es):
    """Where a visitor could meet the Spanish guide: its URL, its group's page, search."""
    titles = (TITLE_CA, TITLE_ES)
    search = anonymous.get("/api/search/", {"q": "masoveria", "lang": "es"}).json()
    return {
        "page": anonymous.get(target.url).status_code,
        "group_page": any(
            title in anonymous.get(group_es.url).content.decode() for title in titles
        ),
        "search": any(result["title"] in titles for result in search["results"]),
    }


# "Translate this page"


def test_translate_this_page_makes_the_spanish_page_a_draft(admin, commit, guide, es):
    target = _submit(admin, commit, guide, es)

    assert guide.live
    assert not target.live
    assert target.alias_of_id is None
    assert _translation(target).source.get_source_instance() == guide


def test_a_submitted_translation_stays_out_of_public_view_until_published_in_the_editor(
    admin, anonymous, commit, guide, group_ca, es
):
    group_es = group_ca.get_translation(es)
    target = _submit(admin, commit, guide, es)
    _translate_strings(admin, target, SPANISH)
    # The Spanish slug is applied on publish: look the page up by that address then.
    assert _public_view(anonymous, target, group_es) == {
        "page": 404,
        "group_page": False,
        "search": False,
    }

    target = _publish_in_translation_editor(admin, commit, target)

    assert target.live
    assert _public_view(anonymous, target, group_es) == {
        "page": 200,
        "group_page": True,
        "search": True,
    }


def test_translating_with_subpages_makes_every_new_page_a_draft(admin, commit, guide, chapter, es):
    _submit(admin, commit, guide, es, include_subtree="on")

    translated = Page.objects.filter(
        translation_key__in=[guide.translation_key, chapter.translation_key], locale=es
    )
    assert translated.count() == 2
    assert not translated.filter(live=True).exists()


def test_a_parent_missing_in_the_language_becomes_a_draft_translation_not_a_live_alias(
    admin, commit, guide, chapter, es
):
    target = _submit(admin, commit, chapter, es)

    parent = target.get_parent().specific
    assert parent.translation_key == guide.translation_key
    assert parent.alias_of_id is None
    assert not parent.live
    assert _translation(parent).source.get_source_instance() == guide
    assert not target.live


# Publishing from the translation editor


def test_a_manual_translation_published_in_the_editor_shows_the_spanish_title(
    admin, anonymous, commit, guide, es
):
    target = _submit(admin, commit, guide, es)
    _translate_strings(admin, target, SPANISH)

    target = _publish_in_translation_editor(admin, commit, target)

    response = anonymous.get(target.url)
    assert response.status_code == 200
    assert TITLE_ES in response.content.decode()


def test_a_machine_translation_published_in_the_editor_shows_the_machine_title(
    admin, anonymous, commit, guide, es, settings
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    target = _submit(admin, commit, guide, es)
    url = reverse("wagtail_localize:machine_translate", args=[_translation(target).pk])
    assert admin.post(url).status_code == 302

    target = _publish_in_translation_editor(admin, commit, target)

    # The dummy translator reverses the words of each string.
    machine_title = " ".join(reversed(TITLE_CA.split()))
    response = anonymous.get(target.url)
    assert response.status_code == 200
    assert target.title == machine_title
    assert machine_title in response.content.decode()


# "Sync translated pages"


def _sync(admin, commit, source_page, **data):
    source = TranslationSource.objects.get(
        object_id=source_page.translation_key, locale=source_page.locale
    )
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return commit(admin.post, url, data)


def test_sync_offers_no_publish_immediately(admin, commit, guide, es):
    _submit(admin, commit, guide, es)
    source = TranslationSource.objects.get(object_id=guide.translation_key, locale=guide.locale)

    page = admin.get(reverse("wagtail_localize:update_translations", args=[source.pk]))

    assert page.status_code == 200
    assert 'name="publish_translations"' not in page.content.decode()


def test_syncing_a_changed_source_leaves_the_published_translation_until_published_again(
    admin, anonymous, commit, guide, es
):
    target = _submit(admin, commit, guide, es)
    _translate_strings(admin, target, SPANISH)
    target = _publish_in_translation_editor(admin, commit, target)
    guide.title = "Guia de masoveria rural i urbana"
    commit(guide.save_revision().publish)

    # A forged "Publish immediately" is ignored as well.
    assert _sync(admin, commit, guide, publish_translations="on").status_code == 302

    assert anonymous.get(target.url).content.decode().count("Guia de masoveria rural i urbana") == 0
    assert TITLE_ES in anonymous.get(target.url).content.decode()
    _translate_strings(admin, target, {guide.title: "Guía de masovería rural y urbana"})
    target = _publish_in_translation_editor(admin, commit, target)
    assert "Guía de masovería rural y urbana" in anonymous.get(target.url).content.decode()


# The translation states on the source page's status side panel


def _states(admin, page):
    html = admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    items = re.findall(r'<li data-locale="(\w+)" data-status="([\w-]+)">(.*?)</li>', html, re.S)
    return {
        code: (status, " ".join(re.sub(r"<[^>]+>", "", text).split()))
        for code, status, text in items
    }


def test_a_language_never_submitted_shows_as_not_started(admin, guide):
    assert _states(admin, guide) == {
        "es": ("not-started", "Español: No començada"),
        "en": ("not-started", "English: No començada"),
    }


def test_a_partly_translated_language_shows_its_progress(admin, commit, guide, es):
    target = _submit(admin, commit, guide, es)
    _translate_strings(admin, target, {TITLE_CA: TITLE_ES})
    total, done = _translation(target).get_progress()
    assert 0 < done < total

    assert _states(admin, guide)["es"] == (
        "in-progress",
        f"Español: En curs (traduït al {done * 100 // total} %)",
    )


def test_a_fully_translated_unpublished_language_shows_as_complete(admin, commit, guide, es):
    target = _submit(admin, commit, guide, es)
    _translate_strings(admin, target, SPANISH)

    assert _states(admin, guide)["es"] == ("complete", "Español: Completa, sense publicar")


def test_a_published_language_shows_as_published(admin, commit, guide, es):
    target = _submit(admin, commit, guide, es)
    _publish_in_translation_editor(admin, commit, target)

    assert _states(admin, guide)["es"] == ("published", "Español: Publicada")
