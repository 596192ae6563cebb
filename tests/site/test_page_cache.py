"""Anonymous visitors get cached pages; a publish shows on the next request."""

import pytest

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Page

from operations.pagecache import HEADER, AnonymousPageCacheMiddleware
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


def _about_page():
    return Page.objects.get(locale__language_code="ca", slug="qui-som").specific


def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, page_cache):
    assert client.get("/ca/")[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ca/")
    assert response[HEADER] == "hit"
    assert len(queries) == 0


def test_cached_pages_keep_their_security_headers(client, page_cache):
    client.get("/ca/")
    response = client.get("/ca/")
    assert response[HEADER] == "hit"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_signed_in_editors_never_get_a_cached_page(client, page_cache, django_user_model):
    client.get("/ca/")
    editor = django_user_model.objects.get(username="secretaria")
    client.force_login(editor)
    response = client.get("/ca/")
    assert HEADER not in response


def test_searches_always_reach_the_view_so_that_analytics_count_them(client, page_cache):
    client.get("/ca/search/?q=habitatge")
    assert HEADER not in client.get("/ca/search/?q=habitatge")


def test_a_search_does_not_purge_the_cached_pages(client, page_cache):
    client.get("/ca/")
    client.get("/ca/search/?q=habitatge")
    assert client.get("/ca/")[HEADER] == "hit"


def test_publishing_a_change_shows_on_the_next_anonymous_request(
    client, page_cache, django_capture_on_commit_callbacks
):
    page = _about_page()
    client.get(page.url)
    client.get("/ca/")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Qui som, de nou"
        page.save_revision().publish()
    response = client.get(page.url)
    assert HEADER in response and response[HEADER] == "miss"
    assert "Qui som, de nou" in response.content.decode()
    # The home page's menu lists it: purged too.
    assert "Qui som, de nou" in client.get("/ca/").content.decode()


def test_a_publish_purges_the_translations_too(
    client, page_cache, django_capture_on_commit_callbacks
):
    page = _about_page()
    english = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    client.get(english.url)
    assert client.get(english.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get(english.url)[HEADER] == "miss"


def test_unpublishing_removes_the_page_at_once(
    client, page_cache, django_capture_on_commit_callbacks
):
    page = _about_page()
    url = page.url
    assert client.get(url).status_code == 200
    assert client.get(url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(url).status_code == 404


def test_moving_a_page_purges_the_cache(client, page_cache, django_capture_on_commit_callbacks):
    page = _about_page()
    client.get("/ca/")
    assert client.get("/ca/")[HEADER] == "hit"
    target = Page.objects.get(locale__language_code="ca", slug="grups-de-treball")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(target, pos="last-child")
    assert client.get("/ca/")[HEADER] == "miss"


def test_deleting_a_page_purges_the_cache(client, page_cache, django_capture_on_commit_callbacks):
    page = _about_page()
    url = page.url
    client.get(url)
    assert client.get(url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert client.get(url).status_code == 404


def test_saving_a_draft_leaves_the_cache_alone(
    client, page_cache, django_capture_on_commit_callbacks
):
    page = _about_page()
    client.get(page.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Qui som (esborrany)"
        page.save_revision()
    response = client.get(page.url)
    assert response[HEADER] == "hit"
    assert "Qui som (esborrany)" not in response.content.decode()


def test_an_upload_no_public_page_uses_leaves_the_cache_alone(
    client, page_cache, django_capture_on_commit_callbacks
):
    client.get("/ca/")
    with django_capture_on_commit_callbacks(execute=True):
        get_document_model().objects.create(
            title="Esborrany", file=ContentFile(b"%PDF-1.4", name="esborrany.pdf")
        )
    assert client.get("/ca/")[HEADER] == "hit"


def test_renaming_a_topic_purges_the_cache(client, page_cache, django_capture_on_commit_callbacks):
    client.get("/ca/")
    assert client.get("/ca/")[HEADER] == "hit"
    topic = Topic.objects.filter(locale__language_code="ca").first()
    with django_capture_on_commit_callbacks(execute=True):
        topic.name = f"{topic.name} (nou)"
        topic.save()
    assert client.get("/ca/")[HEADER] == "miss"


def test_responses_that_depend_on_a_cookie_are_not_cached(rf, page_cache):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.utils.cache import patch_vary_headers

    def view_with_a_form(request):
        response = HttpResponse(f"<form>{get_token(request)}</form>")
        patch_vary_headers(response, ["Cookie"])
        return response

    middleware = AnonymousPageCacheMiddleware(view_with_a_form)
    for _ in range(2):
        response = middleware(rf.get("/ca/form/"))
        assert HEADER not in response


def test_requests_with_a_session_cookie_bypass_the_cache(client, page_cache, settings):
    client.get("/ca/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert HEADER not in client.get("/ca/")
