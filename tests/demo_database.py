"""The demo database that the tests start from, built once and kept until what built it changes.

Building the demo (``migrate``, ``load_demo``, then each public page read once so
that its image renditions exist) takes most of a minute. It is
built in a process of its own, with the test settings, into ``var/test-demo/``:
a SQLite file, or a PostgreSQL template database beside the one ``DATABASE_URL``
names, and in both cases the media files that the demo creates. A copy of the
database as ``migrate`` left it, before the demo was loaded, is kept beside it
for the tests that want an empty site (the restore tests), so that they do not
migrate again. Its key hashes
every file that can change what the build writes (the project's code and
migrations, the demo content, the compiled translations, the pinned
dependencies), so a later run reuses it and a change builds it again.

The test database starts from a copy (SQLite's backup API, or ``CREATE DATABASE
… TEMPLATE``), and so does the browser tests' server: nothing writes to the
build itself.

While iterating on code that cannot change the demo (views, templates, search
queries), ``TEST_DEMO_KEY=<any name>`` pins the key so that edits do not rebuild
it; CI never sets it, and a change to models, migrations or demo content needs
the variable unset (or changed).
"""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "var" / "test-demo"
INPUT_SUFFIXES = {".py", ".toml", ".json", ".mo"}
# Folders whose files cannot change what the build writes.
NOT_INPUTS = {"tests", "bench", "docs", "var", "node_modules", "__pycache__"}
# Builds of other keys are removed once nobody has used them for this long (a run
# marks its build as used when it starts; no run lasts an hour).
UNUSED_FOR = 3600


class PostgresDatabase:
    """A database on the server that ``url`` points to, named after the database ``url`` names.

    ``<name>_<suffix>_<process id>`` by default, so that runs never share it;
    ``<name>_<suffix>`` when ``shared``.
    """

    def __init__(self, url, suffix, *, shared=False):
        parts = urlsplit(url)
        base = parts.path.lstrip("/") or "xmess"
        self.name = f"{base}_{suffix}" if shared else f"{base}_{suffix}_{os.getpid()}"
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self._admin_url = urlunsplit(parts._replace(path="/postgres"))

    def _execute(self, sql, params=None):
        import psycopg

        with psycopg.connect(self._admin_url, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall() if params else connection.execute(sql)

    def create(self, template=None):
        self.drop()
        suffix = f' TEMPLATE "{template}"' if template else ""
        self._execute(f'CREATE DATABASE "{self.name}"{suffix}')
        return self.url

    def drop(self):
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def exists(self):
        return bool(self._execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name]))

    def rename(self, name):
        self._execute(f'ALTER DATABASE "{self.name}" RENAME TO "{name}"')


@dataclass(frozen=True)
class BuiltDemo:
    """A finished build: its folder (``media/``, and ``db.sqlite3`` on SQLite) and,
    on PostgreSQL, the template database that holds it; and the same database as
    ``migrate`` left it, empty (``migrated.sqlite3``, or ``migrated_template``)."""

    folder: Path
    template: PostgresDatabase | None
    migrated_template: PostgresDatabase | None = None

    @property
    def media(self):
        return self.folder / "media"

    @property
    def sqlite_file(self):
        return self.folder / "db.sqlite3"

    @property
    def migrated_sqlite_file(self):
        return self.folder / "migrated.sqlite3"

    def is_complete(self):
        if self.template is None:
            return self.sqlite_file.is_file() and self.migrated_sqlite_file.is_file()
        return self.media.is_dir() and self.template.exists() and self.migrated_template.exists()

    def copy_media(self, target):
        """A copy of the demo's media files: tests may add or remove files there."""
        shutil.copytree(self.media, target, dirs_exist_ok=True)
        return target

    def restore_sqlite(self, connection):
        """Copy the build into an open SQLite connection (the in-memory test database)."""
        with closing(sqlite3.connect(self.sqlite_file)) as source:
            source.backup(connection)


def fingerprint():
    """A hash of every file that can change what the build writes."""
    digest = hashlib.sha256()
    for path in sorted(_inputs()):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _inputs():
    yield Path(__file__)  # how the build is made
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [
            name for name in subfolders if name not in NOT_INPUTS and not name.startswith(".")
        ]
        for name in files:
            if Path(name).suffix in INPUT_SUFFIXES:
                yield Path(folder) / name


def ensure_built():
    """The build for the database ``DATABASE_URL`` names (SQLite when it names none),
    made now when it is missing or out of date."""
    demo, error = _attempt(os.environ.get("DATABASE_URL", ""))
    if error is not None:
        raise error
    return demo


@cache
def _attempt(url):
    # Once per process, failure included: the test database and the browser's server
    # start from the same build even when files change while the tests run, and a
    # build that failed is not tried again for every test.
    try:
        return _ensure_built(url), None
    except RuntimeError as error:
        return None, error


def _ensure_built(url):
    CACHE.mkdir(parents=True, exist_ok=True)
    key = os.environ.get("TEST_DEMO_KEY") or fingerprint()
    if url.startswith("postgres"):
        template = PostgresDatabase(url, f"demo_{key}", shared=True)
        demo = BuiltDemo(
            CACHE / template.name, template, PostgresDatabase(url, f"migrated_{key}", shared=True)
        )
    else:
        demo = BuiltDemo(CACHE / f"sqlite_demo_{key}", None)
    with _lock(CACHE / f".{demo.folder.name}.lock"):
        if not demo.is_complete():
            _build(demo, url)
            _prune(keep=demo.folder)
        os.utime(demo.folder)  # in use: not pruned
    return demo


@contextmanager
def _lock(path):
    """One build of a key at a time: a second run of the same key waits and reuses it."""
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(demo, url):
    folder, template = demo.folder, demo.template
    started = time.monotonic()
    print(f"\nBuilding the demo database into {folder.relative_to(ROOT)} …", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=CACHE))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "VAR_DIR": str(work)}
    for name in ("MEDIA_ROOT", "STATIC_ROOT", "DATABASE_URL"):
        env.pop(name, None)
    building = None
    try:
        if template is not None:
            building = PostgresDatabase(url, "demo_building")
            env["DATABASE_URL"] = building.create()
        _manage(env, "migrate", "--noinput", "-v0")
        if template is None:
            _copy_sqlite(work / "db.sqlite3", work / demo.migrated_sqlite_file.name)
        else:
            demo.migrated_template.create(template=building.name)
        _manage(env, "load_demo")
        _manage(env, "shell", "-c", READ_EVERY_PUBLIC_PAGE)
        (work / "media").mkdir(exist_ok=True)
        if template is None:
            _make_self_contained(work / "db.sqlite3")
        else:
            template.drop()
            building.rename(template.name)
            building = None
        shutil.rmtree(folder, ignore_errors=True)
        work.rename(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if building is not None:
            building.drop()
    print(f"Built in {time.monotonic() - started:.0f} s.", file=sys.stderr)


# Each public page read once, as the demo's first visitors would: the image renditions
# they show are made here, once, instead of in every test that renders one (a test's
# transaction is rolled back, and the renditions it made with it: 35 s of each pass).
READ_EVERY_PUBLIC_PAGE = """
from django.conf import settings
from django.test import Client
from operations.page_samples import all_samples
from tests.language.crawl import public_paths
client = Client()
paths = {path for code, _name in settings.LANGUAGES for path in public_paths(client, code)}
paths |= {sample.path for sample in all_samples()}
failed = {path: status for path in sorted(paths) if (status := client.get(path).status_code) != 200}
assert not failed, failed
"""


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")


def _copy_sqlite(source, target):
    """A self-contained copy of a SQLite database (its write-ahead log included)."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)
    _make_self_contained(target)


def _make_self_contained(path):
    """Fold the write-ahead log into the file, so that copying the file copies everything."""
    with closing(sqlite3.connect(path)) as database:
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database.execute("PRAGMA journal_mode=DELETE")


def _prune(keep):
    """Remove the builds of other keys that nobody has used for an hour."""
    url = os.environ.get("DATABASE_URL", "")
    postgres_prefix = None
    if url.startswith("postgres"):
        postgres_prefix = f"{urlsplit(url).path.lstrip('/')}_demo_"
    for folder in CACHE.iterdir():
        if folder == keep or time.time() - folder.stat().st_mtime < UNUSED_FOR:
            continue
        if folder.suffix == ".lock":
            folder.unlink(missing_ok=True)
            continue
        if postgres_prefix and folder.name.startswith(postgres_prefix):
            key = folder.name.removeprefix(postgres_prefix)
            PostgresDatabase(url, f"demo_{key}", shared=True).drop()
            PostgresDatabase(url, f"migrated_{key}", shared=True).drop()
        elif not folder.name.startswith(("sqlite_demo_", ".building-")):
            continue  # another PostgreSQL database's build: its own runs prune it
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    # `python -m tests.demo_database`: build (or find) the demo for DATABASE_URL ahead of
    # the tests; .ci/run builds SQLite's and PostgreSQL's at once.
    print(f"Demo database ready in {ensure_built().folder.relative_to(ROOT)}.")
