"""A fourth content language is settings (and catalogues) only: French, added by settings
alone, is indexed with its own analysis and found by another form of its words."""

import pytest

from wagtail.models import Locale

from home.models import StandardPage
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

FRENCH = {
    "snowball": "french",
    "lemmas": "fr",
    "stop_words": "le la les de des du et un une",
    "elasticsearch": {"stemmer": "light_french", "stop": "_french_", "elision": ["l", "d"]},
}


@pytest.fixture
def french_home(settings, home_pages, django_capture_on_commit_callbacks):
    languages = [*settings.LANGUAGES, ("fr", "Français")]
    settings.LANGUAGES = languages
    settings.WAGTAIL_CONTENT_LANGUAGES = languages
    settings.SEARCH_LANGUAGES = {**settings.SEARCH_LANGUAGES, "fr": FRENCH}
    locale = Locale.objects.create(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        home = home_pages["ca"].copy_for_translation(locale)
        home.save_revision().publish()
    return home


def test_a_french_page_is_found_by_another_form_of_its_words(
    client, french_home, django_capture_on_commit_callbacks
):
    page = StandardPage(
        title="Les chevaux de la commune",
        slug="les-chevaux",
        body=[("paragraph", "<p>Les chevaux travaillaient aux champs.</p>")],
        locale=french_home.locale,
    )
    with django_capture_on_commit_callbacks(execute=True):
        french_home.add_child(instance=page)
        page.save_revision().publish()
    assert SearchEntry.objects.get(page=page).language == "fr"

    # "cheval" meets "chevaux" only through French lemmas and stems.
    response = client.get("/api/search/", {"q": "cheval", "lang": "fr"})
    assert response.status_code == 200, response.content
    hits = response.json()["results"]
    assert [(hit["title"], hit["language"]) for hit in hits] == [
        ("Les chevaux de la commune", "fr")
    ]
