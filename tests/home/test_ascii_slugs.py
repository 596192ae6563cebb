"""Page addresses are plain ASCII in every language; old accented addresses redirect (301)."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page

from home.models import StandardPage
from home.slugs import ascii_slug

pytestmark = pytest.mark.django_db

TITLE = "Butlletí de la XMESS: col·lectius i àmbits"
EXPECTED = "butlleti-de-la-xmess-collectius-i-ambits"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (TITLE, EXPECTED),
        ("Cooperació a l'Alt Empordà", "cooperacio-a-lalt-emporda"),
        ("Intel·ligència COL·LECTIVA", "intelligencia-collectiva"),
        ("Guía de economía", "guia-de-economia"),
        ("Caring · economies", "caring-economies"),
    ],
)
def test_ascii_slug_drops_accents_and_folds_the_punt_volat(text, slug):
    assert ascii_slug(text) == slug


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_a_new_page_in_every_language_gets_an_ascii_slug_from_its_title(home_pages, language):
    page = home_pages[language].add_child(instance=StandardPage(title=TITLE))
    assert page.slug == EXPECTED
    assert page.url_path.endswith(f"/{EXPECTED}/")


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_an_accented_slug_typed_for_a_new_page_is_transliterated(home_pages, language):
    page = home_pages[language].add_child(instance=StandardPage(title="Prova", slug="àmbit-ñú"))
    assert page.slug == "ambit-nu"


def test_a_transliterated_slug_never_takes_a_siblings_address(home_pages):
    home = home_pages["ca"]
    first = home.add_child(instance=StandardPage(title="Àmbit"))
    second = home.add_child(instance=StandardPage(title="Ambit"))
    assert first.slug == "ambit"
    assert second.slug != "ambit" and second.slug.startswith("ambit")


def test_a_page_added_in_the_admin_gets_an_ascii_address(client, home_pages):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    home = home_pages["ca"]
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    response = client.post(
        url,
        {
            "title": TITLE,
            "slug": "butlletí-de-la-xmess-àmbits",
            "introduction": "",
            "body-count": "0",
            "action-publish": "Publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.child_of(home).get(title=TITLE)
    assert page.slug.isascii() and page.slug.startswith("butlleti-de-la-xmess")
    assert client.get(page.url).status_code == 200


def test_publishing_an_accented_slug_on_an_existing_page_keeps_the_address_ascii(home_pages):
    page = home_pages["ca"].add_child(instance=StandardPage(title="Pàgina"))
    page.slug = "pàgina-revisada"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "pagina-revisada"
    assert page.get_latest_revision().content["slug"] == "pagina-revisada"


def existing_accented_page(home):
    """A page saved before addresses were ASCII: its slug still has accents."""
    page = home.add_child(instance=StandardPage(title=TITLE))
    # Accents only: a punt volat was never routable (Wagtail's URL pattern takes \w and -).
    old_slug = "butlletí-de-la-xmess-àmbits"
    Page.objects.filter(pk=page.pk).update(
        slug=old_slug, url_path=page.url_path.replace(EXPECTED, old_slug)
    )
    return StandardPage.objects.get(pk=page.pk)


def test_an_old_accented_address_redirects_permanently_to_the_ascii_one(
    client, home_pages, django_capture_on_commit_callbacks
):
    page = existing_accented_page(home_pages["ca"])
    old_url = page.url
    assert client.get(old_url).status_code == 200  # the page answers at its accented address
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ascii_slugs", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.slug.isascii()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(page.url)
    assert client.get(page.url).status_code == 200


def test_the_command_renames_nothing_in_a_dry_run(home_pages):
    page = existing_accented_page(home_pages["ca"])
    call_command("ascii_slugs", "--dry-run", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.slug.isascii()
