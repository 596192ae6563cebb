"""The admin screens editors use most: SQL queries and median server time.

    python -m bench.admin                 # 5 rounds on a copy of the demo (SQLite)
    python -m bench.admin --rounds 9
    python -m bench.admin --inline-tasks  # index tasks run inside the request, as in tests
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/editors python -m bench.admin

Runs in-process with Django's test client on a copy of the tests' demo build
(``tests/demo_database.py``; ``TEST_DEMO_KEY`` pins it as for the tests), as the
housing group's coordinator and as the secretariat. For a guide with chapters
and files, and for a plain page (a ``StandardPage`` the bench adds to the same
section), each round: the dashboard, the explorer of the group's section, the
edit view, *Save draft* (the form exactly as the browser posts it), *Submit to
the secretariat*, then the secretariat's dashboard and *Approve* from it.
Printed: queries and median milliseconds per screen (the request through the
whole Django stack, test client included), the slowest round too.

Background tasks (Wagtail's reference index, the admin search index) are
queued in the database as production does (``django_tasks_db``), so a request
counts the queueing, not the task; ``--inline-tasks`` runs them inside the
request instead (the tests' immediate backend, and how the first figures of
``docs/admin-bench.md`` were taken).
"""

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

GROUP_SLUG = "habitatge-cooperatiu"
COORDINATOR = "coord-habitatge"
SECRETARIAT = "secretaria"
QUERY_TARGET = 60
TIME_TARGET_MS = 300
PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def prepare_database():
    """Point Django at a private copy of the demo build (SQLite file or PostgreSQL template)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    from tests.demo_database import PostgresDatabase, ensure_built

    demo = ensure_built()
    work = Path(tempfile.mkdtemp(prefix="admin-bench-"))
    os.environ["MEDIA_ROOT"] = str(demo.copy_media(work / "media"))
    os.environ["VAR_DIR"] = str(work)
    if demo.template is None:
        shutil.copy(demo.sqlite_file, work / "db.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
        return work, None
    copy = PostgresDatabase(os.environ["DATABASE_URL"], "admin_bench")
    os.environ["DATABASE_URL"] = copy.create(template=demo.template.name)
    return work, copy


class Recorder:
    """Queries and milliseconds of each request, per screen name."""

    def __init__(self):
        self.figures = {}

    def request(self, name, method, *args, **kwargs):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = method(*args, **kwargs)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code in (200, 302), f"{name}: {response.status_code}"
        if response.status_code == 200 and "form" in (response.context or {}):
            form = response.context["form"]
            assert not getattr(form, "errors", None), f"{name}: {form.errors}"
        self.figures.setdefault(name, []).append((len(queries), elapsed))
        return response

    def print(self):
        print(f"{'screen':58} {'queries':>8} {'median ms':>10} {'max ms':>8}")
        for name, rows in self.figures.items():
            counts = sorted({count for count, _ms in rows})
            shown = str(counts[0]) if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"
            times = [ms for _count, ms in rows]
            flags = ""
            if counts[-1] > QUERY_TARGET:
                flags += " >q"
            if statistics.median(times) > TIME_TARGET_MS:
                flags += " >ms"
            print(
                f"{name:58} {shown:>8} {statistics.median(times):>10.0f} {max(times):>8.0f}{flags}"
            )
        print(f"(targets: ≤ {QUERY_TARGET} queries, edit and save < {TIME_TARGET_MS} ms)")


def plain_page(group_page):
    """A plain Wagtail page (``StandardPage``) in the group's section, live."""
    from home.models import StandardPage

    page = StandardPage.objects.child_of(group_page).filter(slug="bench-plain-page").first()
    if page is None:
        page = group_page.add_child(
            instance=StandardPage(
                title="Pàgina de prova",
                slug="bench-plain-page",
                introduction="Una pàgina senzilla per comparar.",
            )
        )
        page.save_revision().publish()
    return page


def guide_with_chapters_and_files(group_page):
    from knowledge.models import GuidePage

    for guide in GuidePage.objects.descendant_of(group_page).filter(locale=group_page.locale):
        if guide.get_children().exists() and guide.attachments.exists():
            return guide
    raise SystemExit("the demo has no guide with chapters and files in the group's section")


def review_url(page):
    from django.urls import reverse

    from groups.review import open_step
    from groups.review_dashboard import REVIEW_ACTION_URL_NAME

    return reverse(REVIEW_ACTION_URL_NAME, args=[page.pk, "approve", open_step(page).pk])


def one_round(recorder, clients, group_page, label, page):
    from django.urls import reverse

    from tests.groups.edit_form import edit_form

    coordinator, secretariat = clients["coordinator"], clients["secretariat"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    recorder.request(f"{label}: coordinator edit", coordinator.get, edit_url)
    form = edit_form(coordinator, page)
    recorder.request(f"{label}: coordinator save draft", coordinator.post, edit_url, form.fields)
    form = edit_form(coordinator, page)
    submit = form.pressing("action-submit")
    recorder.request(f"{label}: coordinator submit", coordinator.post, edit_url, submit)
    recorder.request(f"{label}: secretariat dashboard (1 waiting)", secretariat.get, "/admin/")
    url = review_url(page)
    recorder.request(f"{label}: secretariat approve", secretariat.post, url, {"comment": ""})
    recorder.request(f"{label}: secretariat edit", secretariat.get, edit_url)
    form = edit_form(secretariat, page)
    recorder.request(f"{label}: secretariat save draft", secretariat.post, edit_url, form.fields)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--inline-tasks", action="store_true", help="run tasks in the request")
    arguments = parser.parse_args()
    work, postgres_copy = prepare_database()
    try:
        import django
        from django.test import override_settings

        django.setup()
        tasks = PRODUCTION_TASKS if not arguments.inline_tasks else None
        with override_settings(TASKS=tasks) if tasks else _nothing():
            run(arguments.rounds, "inline" if tasks is None else "queued")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if postgres_copy is not None:
            from django.db import connections

            connections.close_all()
            postgres_copy.drop()


@contextlib.contextmanager
def _nothing():
    yield


def run(rounds, tasks="inline"):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from groups.models import WorkingGroupPage

    setup_test_environment()  # responses carry their template context
    users = get_user_model().objects
    clients = {}
    for role, username in (("coordinator", COORDINATOR), ("secretariat", SECRETARIAT)):
        clients[role] = Client()
        clients[role].force_login(users.get(username=username))
    group_page = WorkingGroupPage.objects.get(slug=GROUP_SLUG, locale__language_code="ca")
    pages = {
        "guide": guide_with_chapters_and_files(group_page),
        "plain page": plain_page(group_page),
    }
    explorer = reverse("wagtailadmin_explore", args=[group_page.pk])
    recorder = Recorder()
    for warming in (True, False):
        for _ in range(1 if warming else rounds):
            for role, client in clients.items():
                recorder.request(f"{role} dashboard", client.get, "/admin/")
                recorder.request(f"{role} explorer of the group's section", client.get, explorer)
            for label, page in pages.items():
                one_round(recorder, clients, group_page, label, page)
        if warming:
            recorder.figures.clear()
    database = os.environ["DATABASE_URL"].split(":")[0]
    print(f"Admin screens, {rounds} rounds, {database}, background tasks {tasks}:")
    recorder.print()
