"""The site speaks Catalan, Spanish and English, each under its own prefix."""

import re

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = ["ca", "es", "en"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_is_served_in_each_language(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}">' in response.content.decode()


def test_bare_root_redirects_to_catalan_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ca/"


def test_bare_root_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response["Location"] == "/es/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_announces_its_translations_and_a_default(client, code):
    html = client.get(f"/{code}/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert set(alternates) == {"ca", "es", "en", "x-default"}
    assert alternates["x-default"] == alternates["ca"]
    assert alternates["en"].endswith("/en/")


def test_language_switcher_links_to_the_translation_of_the_current_page(client):
    html = client.get("/ca/qui-som/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/es/quienes-somos/"' in switcher
    assert 'href="/en/about-the-network/"' in switcher
    assert 'aria-current="true">Català' in switcher
    assert "language-switcher__note" not in switcher  # each link is the page itself


def test_language_switcher_falls_back_to_the_home_page_without_a_translation(client, home_pages):
    from home.models import StandardPage

    untranslated = StandardPage(title="Només en català", slug="nomes-en-catala")
    home_pages["ca"].add_child(instance=untranslated)
    untranslated.save_revision().publish()
    html = client.get("/ca/nomes-en-catala/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/es/"' in switcher and 'href="/en/"' in switcher
    # Each fallback says where it leads, in its own language; the current page's link does not.
    assert 'Español <span class="language-switcher__note">(página de inicio)</span>' in switcher
    assert 'English <span class="language-switcher__note">(home page)</span>' in switcher
    assert switcher.count("language-switcher__note") == 2
    assert 'hreflang="es" href' not in html.split("</head>")[0]


@pytest.mark.parametrize(
    ("code", "skip_text"),
    [
        ("ca", "Salta al contingut principal"),
        ("es", "Saltar al contenido principal"),
        ("en", "Skip to main content"),
    ],
)
def test_interface_strings_are_translated(client, code, skip_text):
    assert skip_text in client.get(f"/{code}/").content.decode()


def test_language_switcher_of_a_view_keeps_its_query_in_each_language(client):
    for query in ("q=habitatge", "q=cures&type=knowledge.guidepage"):
        html = client.get(f"/ca/search/?{query}").content.decode()
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        assert f'href="/es/search/?{query.replace("&", "&amp;")}"' in switcher
        assert f'href="/en/search/?{query.replace("&", "&amp;")}"' in switcher
