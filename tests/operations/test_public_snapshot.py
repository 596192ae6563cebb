"""Answers kept per process (the site, home pages, menu, footer, settings, hidden
sections) never show a public change late: a publish, unpublish, move or setting
change shows at the next request, in this process and in the others."""

import datetime
import time
from unittest import mock

import pytest

from django.utils import timezone

from wagtail.models import Page

from home.models import NetworkSettings
from operations import pagecache

pytestmark = pytest.mark.django_db

ABOUT_LINK = 'href="/en/about-the-network/"'


def _about():
    return Page.objects.get(slug="about-the-network", locale__language_code="en").specific


def _home_html(client):
    return client.get("/en/").content.decode()


def test_answers_are_kept_between_requests_until_the_public_view_changes(client):
    assert ABOUT_LINK in _home_html(client)
    # A write no signal announces (another process's, as this one sees it before the
    # shared generation moves) is not read again: the answers are kept.
    Page.objects.filter(pk=_about().pk).update(show_in_menus=False)
    assert ABOUT_LINK in _home_html(client)
    # The other process's commit moves the shared generation: every process re-reads.
    pagecache.purge()
    assert ABOUT_LINK not in _home_html(client)


def test_an_unpublished_page_leaves_the_menu_at_once(client, django_capture_on_commit_callbacks):
    assert ABOUT_LINK in _home_html(client)
    with django_capture_on_commit_callbacks(execute=True):
        _about().unpublish()
    assert ABOUT_LINK not in _home_html(client)
    assert client.get("/en/about-the-network/").status_code == 404


def test_a_change_not_yet_committed_is_seen_by_its_own_thread(client):
    assert ABOUT_LINK in _home_html(client)
    _about().unpublish()  # its announcement waits for a commit that never comes here
    assert ABOUT_LINK not in _home_html(client)


def test_a_published_page_joins_the_menu_at_once(client, django_capture_on_commit_callbacks):
    home = Page.objects.get(slug="about-the-network", locale__language_code="en").get_parent()
    assert 'href="/en/fresh-section/"' not in _home_html(client)
    with django_capture_on_commit_callbacks(execute=True):
        page = home.specific.add_child(
            instance=_about().__class__(title="Fresh section", slug="fresh-section", live=False)
        )
        page.show_in_menus = True
        page.save_revision().publish()
    assert 'href="/en/fresh-section/"' in _home_html(client)
    assert client.get("/en/fresh-section/").status_code == 200


def test_a_moved_page_answers_at_its_new_address_at_once(
    client, django_capture_on_commit_callbacks
):
    about = _about()
    target = Page.objects.get(slug="working-groups", locale__language_code="en")
    assert client.get("/en/about-the-network/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        about.move(target, pos="last-child")
    old = client.get("/en/about-the-network/")
    assert (old.status_code, old["Location"]) == (301, "/en/working-groups/about-the-network/")
    assert client.get("/en/working-groups/about-the-network/").status_code == 200
    assert ABOUT_LINK not in _home_html(client)


def test_a_changed_site_setting_shows_at_once(client, django_capture_on_commit_callbacks):
    assert "secretaria@xmess.example" in _home_html(client)
    settings = NetworkSettings.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        settings.email = "nova@xmess.example"
        settings.save()
    html = _home_html(client)
    assert "nova@xmess.example" in html
    assert "secretaria@xmess.example" not in html


def test_answers_expire_when_a_page_reaches_its_expiry_time(client):
    soon = timezone.now() + datetime.timedelta(hours=1)
    Page.objects.filter(pk=_about().pk).update(expire_at=soon)
    pagecache.purge()  # as a publish with an expiry date would
    assert ABOUT_LINK in _home_html(client)
    later = soon + datetime.timedelta(minutes=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("operations.public_snapshot.time.time", return_value=later.timestamp()),
    ):
        assert ABOUT_LINK not in _home_html(client)
    assert time.time() < soon.timestamp()


def test_made_up_host_names_share_one_answer_instead_of_one_each(client):
    from operations import public_snapshot

    assert client.get("/en/", HTTP_HOST="localhost").status_code == 200
    kept = len(public_snapshot._answers)
    assert kept > 0, "the home page's answers are kept"
    for number in range(20):
        assert client.get("/en/", HTTP_HOST=f"made-up-{number}.example").status_code == 200
    assert len(public_snapshot._answers) <= kept + 1, "one answer for every unknown host"


def test_answers_about_single_addresses_are_bounded(client, monkeypatch):
    from operations import public_snapshot

    monkeypatch.setattr(public_snapshot, "MAX_ITEMS", 3)
    assert client.get("/en/about-the-network/").status_code == 200
    for number in range(10):
        assert client.get(f"/en/made-up-{number}/").status_code == 404
    assert public_snapshot._answers[public_snapshot._ITEMS] == 3
    # Beyond the bound, answers are computed afresh, and still right.
    assert client.get("/en/working-groups/").status_code == 200
    assert client.get("/en/made-up-0/").status_code == 404
