"""``/health/`` tells the proxy and the orchestrator whether an app server and the
task queue work (operations.health): JSON, never cached, 503 when a check fails."""

import datetime
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.cache import caches
from django.utils import timezone

from documents.tasks import extract_document_text
from operations.pagecache import HEADER

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
UNREACHABLE_REDIS = "redis://127.0.0.1:9/0"


@pytest.fixture
def database_tasks(settings):
    """Tasks queued in the database for a worker, as in production."""
    settings.TASKS = DATABASE_TASKS
    return DBTaskResult.objects


def _enqueue_waiting_since(seconds):
    result = extract_document_text.enqueue(0)
    waited = timezone.now() - datetime.timedelta(seconds=seconds)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=waited)


def test_a_healthy_server_answers_200_with_every_check(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "tasks"}
    assert all(check["ok"] for check in body["checks"].values())


def test_the_answer_is_never_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches[settings.PAGE_CACHE_ALIAS].clear()
    assert client.get("/ca/") and client.get("/ca/")[HEADER] == "hit"  # the page cache works
    first, second = client.get("/health/"), client.get("/health/")
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert HEADER not in first and HEADER not in second


def test_a_cache_that_cannot_be_reached_makes_it_503_without_naming_the_server(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
        },
    }
    assert client.get("/health/").status_code == 200
    settings.PAGE_CACHE_ALIAS = "unreachable"
    response = client.get("/health/?check=cache")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert "127.0.0.1" not in response.content.decode()


def test_the_queue_reports_ready_tasks_and_how_long_the_oldest_waited(client, database_tasks):
    _enqueue_waiting_since(30)
    tasks = client.get("/health/").json()["checks"]["tasks"]
    assert tasks["ok"] is True
    assert tasks["backend"] == "DatabaseBackend"
    assert tasks["ready"] == 1
    assert 29 <= tasks["oldest_ready_seconds"] < 60


def test_a_task_left_waiting_too_long_means_no_worker_and_a_503(client, database_tasks, settings):
    settings.HEALTH_TASKS_MAX_WAIT_SECONDS = 300
    _enqueue_waiting_since(200)
    assert client.get("/health/").status_code == 200
    _enqueue_waiting_since(400)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"]["ok"] is False


def test_the_proxy_probe_can_leave_the_queue_out(client, database_tasks):
    _enqueue_waiting_since(3600)
    assert client.get("/health/").status_code == 503
    response = client.get("/health/?check=database&check=cache")
    assert response.status_code == 200
    assert set(response.json()["checks"]) == {"database", "cache"}


def test_an_unknown_check_is_a_400_that_lists_the_checks(client):
    response = client.get("/health/?check=disk", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "database, cache, tasks" in response.json()["error"]


def test_it_only_answers_reads(client):
    assert client.post("/health/").status_code == 405


def test_production_probes_over_plain_http_are_not_redirected_to_https(tmp_path):
    script = (
        "from django.test import Client;"
        "c = Client();"
        "print(c.get('/health/?check=cache').status_code, c.get('/robots.txt').status_code)"
    )
    environment = {
        **{key: value for key, value in os.environ.items() if key != "CACHE_URL"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "testserver",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]  # the rest of the site still goes to HTTPS
