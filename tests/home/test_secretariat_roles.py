"""The secretariat runs the public search it answers for; coordinators do not (role × screen).

The demo grants the secretariat's permissions (``home.demo.loader``); these are the
screens of search synonyms, promoted results, search analytics and the missing
translations report, each opened as each role.
"""

import pytest

from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

SCREENS = [
    "/admin/searchpicks/",
    "/admin/searchpicks/add/",
    "/admin/snippets/search/synonym/",
    "/admin/snippets/search/synonym/add/",
    "/admin/search-analytics/",
    "/admin/reports/missing-translations/",
]
MENU_LINKS = [
    "/admin/searchpicks/",
    "/admin/search-analytics/",
    "/admin/reports/missing-translations/",
]


def logged_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize("url", SCREENS)
def test_the_secretariat_opens_every_search_screen(client, url):
    response = logged_in(client, "secretaria").get(url)
    assert response.status_code == 200, url


@pytest.mark.parametrize("url", SCREENS)
@pytest.mark.parametrize("username", ["coord-habitatge", "coord-cures"])
def test_coordinators_open_none_of_them(client, url, username):
    response = logged_in(client, username).get(url)
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        assert response["Location"].rstrip("/").endswith("/admin"), url


def test_the_secretariat_finds_them_in_its_menus(client):
    html = logged_in(client, "secretaria").get("/admin/").content.decode()
    for link in MENU_LINKS:
        assert link in html, link
    assert (
        "/admin/snippets/search/synonym/"
        in logged_in(client, "secretaria").get("/admin/snippets/").content.decode()
    )


def test_coordinators_do_not_see_them_in_their_menus(client):
    client = logged_in(client, "coord-habitatge")
    html = client.get("/admin/").content.decode()
    assert "/admin/pages/" in html  # the menu is there
    for link in MENU_LINKS:
        assert link not in html, link


def test_the_secretariat_adds_a_synonym(client):
    from search.models import Synonym

    client = logged_in(client, "secretaria")
    response = client.post(
        "/admin/snippets/search/synonym/add/",
        {"language": "ca", "expressions": "masoveria\nmasoveria urbana"},
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(expressions__contains="masoveria urbana").exists()
