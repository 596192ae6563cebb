"""When the shared cache (Redis) is down, the site keeps answering: uncached, never
stale, without waiting on Redis; when Redis answers again, caching resumes by itself
and nothing cached before the outage comes back (operations.rediscache,
operations.pagecache, operations.public_snapshot).

Each test has a Redis server of its own (``tests/redis_server.py``), which it stops
(a refused connection), restarts (empty, as a Redis without persistence does) or
pauses (a hung server or a network fault: it keeps its data and answers nothing
until resumed). ``tests/fleet/test_redis_outage.py`` does it to a fleet.
"""

import io
import logging
import secrets
import time
from statistics import median

import pytest

from django.core.cache import caches
from django.core.management import CommandError, call_command

from wagtail.models import Page

from operations import pagecache, rediscache
from operations.page_samples import all_samples
from operations.pagecache import HEADER
from tests.redis_server import MISSING, RedisServer

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(bool(MISSING), reason=MISSING),
]

RETRY_SECONDS = 0.3  # instead of production's 5, so that a test need not wait long
ABOUT = "/ca/qui-som/"
ABOUT_LINK = 'href="/en/about-the-network/"'


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_page_cache(settings, redis_server, monkeypatch):
    """The page cache on, in this test's Redis, as in production."""
    monkeypatch.setattr(rediscache, "RETRY_SECONDS", RETRY_SECONDS)
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.rediscache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": secrets.token_hex(6),
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    return caches["default"]


def _back_in_service():
    """Wait until this process tries Redis again after an outage."""
    time.sleep(RETRY_SECONDS + 0.05)


def _about_page():
    return Page.objects.get(locale__language_code="ca", slug="qui-som").specific


def _publish_title(title, capture):
    page = _about_page()
    with capture(execute=True):
        page.title = title
        page.save_revision().publish()


def test_with_redis_stopped_every_public_page_and_the_admin_answer_uncached(
    client, redis_page_cache, redis_server, django_user_model
):
    samples = [sample.path for sample in all_samples() if sample.language == "ca"]
    views = ["/ca/search/?q=habitatge", "/ca/feeds/news/rss/", "/sitemap.xml", "/robots.txt"]
    client.get("/ca/")
    assert client.get("/ca/")[HEADER] == "hit"

    redis_server.stop()
    for path in samples + views:
        response = client.get(path)
        assert response.status_code == 200, path
        assert HEADER not in response, path
    client.force_login(django_user_model.objects.get(username="secretaria"))
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{_about_page().pk}/edit/").status_code == 200


def test_a_publish_while_redis_is_stopped_shows_and_caching_resumes_when_it_restarts(
    client, redis_page_cache, redis_server, django_capture_on_commit_callbacks
):
    client.get(ABOUT)
    assert client.get(ABOUT)[HEADER] == "hit"

    redis_server.stop()
    _publish_title("Qui som, durant l'aturada", django_capture_on_commit_callbacks)
    response = client.get(ABOUT)
    assert response.status_code == 200 and HEADER not in response
    assert "Qui som, durant l&#x27;aturada" in response.content.decode()

    redis_server.start()  # empty, as a Redis without persistence restarts
    _back_in_service()
    first, second = client.get(ABOUT), client.get(ABOUT)
    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert "Qui som, durant l&#x27;aturada" in second.content.decode()


def test_a_publish_while_redis_hangs_never_brings_back_the_page_cached_before(
    client, redis_page_cache, redis_server, django_capture_on_commit_callbacks
):
    """A hung Redis (or a network fault) keeps the page cached before the outage and
    the generation it was cached under: the purge the publish sent was lost."""
    client.get(ABOUT)
    assert client.get(ABOUT)[HEADER] == "hit"

    redis_server.pause()
    _publish_title("Qui som, publicat sense memòria cau", django_capture_on_commit_callbacks)
    during = client.get(ABOUT)
    assert during.status_code == 200 and HEADER not in during
    assert "Qui som, publicat sense memòria cau" in during.content.decode()

    redis_server.resume()
    _back_in_service()
    after = client.get(ABOUT)
    assert after[HEADER] == "miss"
    assert "Qui som, publicat sense memòria cau" in after.content.decode()
    assert client.get(ABOUT)[HEADER] == "hit"


def test_answers_kept_per_process_are_computed_afresh_while_the_generation_is_unknown(
    client, redis_page_cache, redis_server
):
    """Another process's publish cannot move an unreadable generation: nothing kept on
    its account (``public_snapshot``) may answer meanwhile."""
    about = Page.objects.get(slug="about-the-network", locale__language_code="en")
    client.cookies["sessionid"] = "none"  # past the page cache, to the per-process answers
    assert ABOUT_LINK in client.get("/en/").content.decode()
    redis_server.stop()
    assert ABOUT_LINK in client.get("/en/").content.decode()
    # Another process's write, whose purge this one could not read.
    Page.objects.filter(pk=about.pk).update(show_in_menus=False)
    assert ABOUT_LINK not in client.get("/en/").content.decode()


def test_a_hung_redis_holds_up_one_request_per_retry_interval_at_most(
    client, redis_page_cache, redis_server, monkeypatch
):
    """Without the cache a page costs what it costs just after a publish (nothing cached,
    every per-process answer computed afresh), not more: without the retry interval it
    would wait on each of its cache operations. Medians, so that another process's load
    on the machine does not decide."""
    monkeypatch.setattr(rediscache, "RETRY_SECONDS", 5)  # production's
    after_a_publish = median(_seconds(lambda: _purged(client, "/ca/")) for _ in range(3))

    redis_server.pause()
    first = _seconds(lambda: client.get("/ca/"))
    assert first < after_a_publish + 3 * rediscache.TIMEOUTS["socket_timeout"]
    # The next ones do not wait on Redis at all until the retry interval ends.
    following = median(_seconds(lambda: client.get("/ca/")) for _ in range(5))
    assert following < 2 * after_a_publish + rediscache.TIMEOUTS["socket_timeout"]
    redis_server.resume()


def _purged(client, path):
    pagecache.purge()
    return client.get(path)


def _seconds(request):
    started = time.perf_counter()
    assert request().status_code == 200
    return time.perf_counter() - started


def test_an_outage_is_logged_once_per_interval_and_its_end_once(
    client, redis_page_cache, redis_server, caplog
):
    client.get("/ca/")
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger="operations.rediscache"):
        for _ in range(3):
            client.get("/ca/")
            _back_in_service()  # each request tries Redis again, and fails again
        redis_server.start()
        _back_in_service()
        client.get("/ca/")
        client.get("/ca/")
    records = [record for record in caplog.records if record.name == "operations.rediscache"]
    assert [record.levelno for record in records] == [logging.WARNING, logging.INFO]
    assert "cannot be reached (ConnectionError)" in records[0].getMessage()
    assert "answers again" in records[1].getMessage()


def test_health_says_503_and_why_while_the_pages_answer(client, redis_page_cache, redis_server):
    assert client.get("/health/?check=cache").status_code == 200
    redis_server.stop()
    assert client.get("/ca/").status_code == 200
    response = client.get("/health/?check=cache")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["error"] == "ConnectionError"
    redis_server.start()
    _back_in_service()
    assert client.get("/health/?check=cache").status_code == 200


def test_sign_in_is_still_throttled_and_sessions_survive(
    client, redis_page_cache, redis_server, settings
):
    """The sign-in counters and the sessions live in the database, not in the cache."""
    settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS = 2
    client.post("/admin/login/", {"username": "secretaria", "password": "secretaria-demo"})
    assert client.get("/admin/").status_code == 200
    redis_server.stop()
    assert client.get("/admin/").status_code == 200  # still signed in
    client.logout()
    wrong = {"username": "secretaria", "password": "not-it"}
    assert [client.post("/admin/login/", wrong).status_code for _ in range(3)] == [200, 200, 429]


def test_purging_by_hand_says_when_the_cache_cannot_be_reached(redis_page_cache, redis_server):
    call_command("purge_page_cache", stdout=io.StringIO())
    redis_server.stop()
    with pytest.raises(CommandError, match="cannot be reached"):
        call_command("purge_page_cache", stdout=io.StringIO())
