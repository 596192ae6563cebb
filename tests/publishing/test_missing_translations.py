"""Reports › Missing translations: what has no page, or an outdated one, in each language."""

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

from home.models import StandardPage
from publishing.missing_translations import MISSING, OUTDATED, gaps

pytestmark = pytest.mark.django_db

URL = "/admin/reports/missing-translations/"


@pytest.fixture
def secretariat(client):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    return client


@pytest.fixture
def untranslated(home_pages):
    page = StandardPage(title="Pàgina només en català")
    home_pages["ca"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_translated_page_is_not_listed_as_missing(home_pages):
    # Presence first: the demo's about page exists in English and is not reported missing.
    about = StandardPage.objects.get(locale__language_code="ca", show_in_menus=True)
    assert about.get_translations().filter(locale__language_code="en").exists()
    assert not [gap for gap in gaps("en") if gap.source.pk == about.pk and gap.problem == MISSING]


def test_a_page_with_no_english_version_is_listed_with_a_link_to_translate(
    secretariat, untranslated
):
    html = secretariat.get(URL, {"language": "en"}).content.decode()
    assert "Pàgina només en català" in html
    assert f"/admin/localize/submit/page/{untranslated.pk}/" in html
    listed = [gap for gap in gaps("en") if gap.source.pk == untranslated.pk]
    assert [(gap.problem, gap.locale.language_code) for gap in listed] == [(MISSING, "en")]


def test_the_report_lists_each_language_that_lacks_the_page(untranslated):
    languages = {gap.locale.language_code for gap in gaps() if gap.source.pk == untranslated.pk}
    assert languages == {"es", "en"}


def test_a_page_translated_in_spanish_only_is_missing_in_english_only(untranslated):
    untranslated.copy_for_translation(Locale.objects.get(language_code="es"))
    languages = {gap.locale.language_code for gap in gaps() if gap.source.pk == untranslated.pk}
    assert languages == {"en"}


def test_a_translation_older_than_its_source_is_listed_with_a_link_to_sync(secretariat):
    about = StandardPage.objects.get(locale__language_code="ca", show_in_menus=True)
    assert not [gap for gap in gaps("es") if gap.source.pk == about.pk]
    about.introduction = "Text nou de la pàgina."
    about.save_revision().publish()
    assert about.last_published_at <= timezone.now()
    [gap] = [gap for gap in gaps("es") if gap.source.pk == about.pk]
    assert gap.problem == OUTDATED
    html = secretariat.get(URL).content.decode()
    assert gap.action_url in html and "/admin/localize/update/" in gap.action_url


def test_drafts_are_not_listed(home_pages):
    draft = StandardPage(title="Esborrany sense traduir", live=False)
    home_pages["ca"].add_child(instance=draft)
    assert not [gap for gap in gaps() if gap.source.pk == draft.pk]


def test_coordinators_cannot_open_the_report(client):
    client.force_login(get_user_model().objects.get(username="coord-habitatge"))
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Pàgina" not in response.content.decode()


def test_an_unknown_language_shows_every_language(secretariat, untranslated):
    response = secretariat.get(URL, {"language": "xx"})
    assert response.status_code == 200
    assert "Pàgina només en català" in response.content.decode()
