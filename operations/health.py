"""``/health/``: can this app server answer, and is background work being done?

For the reverse proxy and the orchestrator of a fleet (docs/production.md).
JSON, never cached, 200 when every check asked for passes and 503 otherwise.
It names no host, URL or credential and no exception message (they can hold
them): each check gives its outcome, its duration and at most the exception's
class.

- ``database``: one query.
- ``cache``: a key written to and read back from the page cache's cache (Redis
  in a fleet: every app server must reach it to purge and serve pages). The
  site keeps answering, uncached, while Redis is down (``operations.rediscache``),
  but slower: the check fails and names the error's class.
- ``tasks``: with the database task backend, how many tasks are ready and how
  long the oldest has waited. django-tasks-db keeps no worker heartbeat, so a
  ready task older than ``HEALTH_TASKS_MAX_WAIT_SECONDS`` is the sign that no
  worker is taking tasks; the time since a task last finished is shown too.

``?check=database`` runs only that one: the proxy's probe should not take every
app server out of rotation because the task worker stopped, nor because Redis
did (the pages answer uncached meanwhile); monitoring asks for every check.
"""

import time
import uuid

from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Case, F, When
from django.db.models.functions import Greatest
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def check_cache():
    cache = caches[settings.PAGE_CACHE_ALIAS]
    key, token = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, token, 30)
    read_back = cache.get(key)
    cache.delete(key)
    outcome = {"ok": read_back == token, "backend": type(cache).__name__}
    # ``operations.rediscache`` answers as an empty cache when Redis is down: say why.
    if not outcome["ok"] and getattr(cache, "last_error", None):
        outcome["error"] = cache.last_error
    return outcome


def check_tasks():
    backend = task_backends["default"]
    if not isinstance(backend, DatabaseBackend):
        # Tasks run inside the request (``make run``, the tests): there is no queue.
        return {"ok": True, "backend": type(backend).__name__}
    now = timezone.now()
    results = DBTaskResult.objects.filter(backend_name=backend.alias)
    ready = results.ready().annotate(
        waiting_since=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=Greatest("run_after", "enqueued_at"),
        )
    )
    oldest = ready.order_by("waiting_since").values_list("waiting_since", flat=True).first()
    last_finished = (
        results.finished().order_by("-finished_at").values_list("finished_at", flat=True)[:1]
    )
    waited = (now - oldest).total_seconds() if oldest else 0
    return {
        "ok": waited <= settings.HEALTH_TASKS_MAX_WAIT_SECONDS,
        "backend": type(backend).__name__,
        "ready": ready.count(),
        "running": results.running().count(),
        "oldest_ready_seconds": round(waited, 1),
        "last_finished_seconds_ago": (
            round((now - last_finished[0]).total_seconds(), 1) if last_finished else None
        ),
    }


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


def _run(check):
    started = time.perf_counter()
    try:
        outcome = check()
    except Exception as error:  # Any failure is the answer, never a 500.
        outcome = {"ok": False, "error": type(error).__name__}
    outcome["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return outcome


@never_cache
@require_safe
def health(request):
    asked = request.GET.getlist("check") or list(CHECKS)
    unknown = [name for name in asked if name not in CHECKS]
    if unknown:
        message = _("Unknown check: %(names)s. The checks are: %(checks)s.") % {
            "names": ", ".join(unknown),
            "checks": ", ".join(CHECKS),
        }
        return JsonResponse({"error": message}, status=400)
    checks = {name: _run(CHECKS[name]) for name in dict.fromkeys(asked)}
    healthy = all(outcome["ok"] for outcome in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks},
        status=200 if healthy else 503,
    )


# Checked without the site routing (it would read the database and the cache first).
health.site_independent = True
