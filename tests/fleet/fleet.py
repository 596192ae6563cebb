"""The production process model, small, on loopback: two gunicorn app servers and one
task worker (``manage.py db_worker``) sharing one database, one Redis and one media
folder (docs/production.md). Used by the fleet tests and by ``bench/load``.

The database is a copy of the test suite's demo build (``tests/demo_database.py``):
a new PostgreSQL database beside the one ``DATABASE_URL`` names, or a SQLite file
that every process opens (``bench/load`` only; the tests want PostgreSQL). Every
request is sent with the public host name, as a reverse proxy would, so both app
servers read and write the same cached pages. The cache keys carry a prefix of
this fleet's own and are deleted at the end: the Redis may be shared.
"""

import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.browser.server import free_port
from tests.demo_database import PostgresDatabase, ensure_built

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_HOST = "hub.fleet.test"
REDIS_URL = "redis://127.0.0.1:6379/0"
GUNICORN_CONFIG = ROOT / "docs" / "deploy" / "gunicorn.conf.py"


def redis_unavailable(url=REDIS_URL):
    """Why Redis at ``url`` cannot be used, or an empty string when it answers."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"no Redis answers at {url} ({type(error).__name__})"
    return ""


class AppServer:
    """One gunicorn master and its workers; its error log counts worker boots."""

    def __init__(self, name, workdir):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(workdir) / f"{name}.log"
        self.process = None

    def start(self, env, config=GUNICORN_CONFIG):
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--pythonpath",
                    "site",
                    "config.wsgi",
                    "--config",
                    str(config),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                ],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=log,
            )

    def boots(self):
        """How many workers this server has started since it was started."""
        if not self.log.exists():
            return 0
        return self.log.read_text(errors="replace").count("Booting worker with pid")

    def worker_pids(self):
        return _children(self.process.pid) if self.process else []


class Fleet:
    """The processes, their shared folder (``workdir``) and environment; ``env`` adds
    variables for every process (e.g. a lower sign-in limit for a test)."""

    def __init__(self, workdir, servers=2, workers_per_server=2, redis_url=REDIS_URL, **env):
        self.workers_per_server = workers_per_server
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.media = self.workdir / "media"
        self.servers = [AppServer(chr(ord("a") + n), self.workdir) for n in range(servers)]
        self.worker = None
        self.worker_log = self.workdir / "worker.log"
        self._collecting = None
        self.redis_url = redis_url
        self.key_prefix = f"fleet-{os.getpid()}-{secrets.token_hex(4)}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1",
            "SECURE_SSL_REDIRECT": "off",
            "BASE_URL": f"http://{PUBLIC_HOST}",
            "VAR_DIR": str(self.workdir),
            "MEDIA_ROOT": str(self.media),
            "CACHE_URL": redis_url,
            "CACHE_KEY_PREFIX": self.key_prefix,
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "GUNICORN_WORKERS": str(workers_per_server),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        self.postgres = None
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            self.postgres = PostgresDatabase(os.environ["DATABASE_URL"], "fleet")
        else:
            self.env.pop("DATABASE_URL", None)

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
        )

    def build(self, then=""):
        """A copy of the demo build fitted to production settings, and the static files
        (collected meanwhile; ``start`` waits for them). ``then`` is Python run in the
        same shell after fitting, to arrange more; returns what it printed."""
        demo = ensure_built()
        demo.copy_media(self.media)
        if self.postgres is not None:
            self.env["DATABASE_URL"] = self.postgres.create(template=demo.template.name)
        else:
            shutil.copyfile(demo.sqlite_file, self.workdir / "db.sqlite3")
        self._collecting = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            env=self.env,
            cwd=ROOT,
            stderr=subprocess.PIPE,
        )
        fit = "from home.demo.copies import fit_to_settings; fit_to_settings()"
        return self.manage("shell", "--no-imports", "-c", f"{fit}\n{then}").stdout

    def _static_files_collected(self):
        if self._collecting is not None:
            _, errors = self._collecting.communicate(timeout=900)
            if self._collecting.returncode:
                raise RuntimeError(f"collectstatic failed:\n{errors.decode()[-3000:]}")
            self._collecting = None

    def start(self, config=GUNICORN_CONFIG, **env):
        """Start every app server (gunicorn with ``config``) and the task worker, with
        ``env`` added to the environment; returns once each server is healthy."""
        self._static_files_collected()
        environment = {**self.env, **env}
        for server in self.servers:
            server.start(environment, config)
        with self.worker_log.open("ab") as log:
            self.worker = subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "manage.py"),
                    "db_worker",
                    "--no-startup-delay",
                    "--interval",
                    "0.2",
                    "--worker-id",
                    "fleet-worker",
                ],
                env=environment,
                cwd=ROOT,
                stdout=log,
                stderr=log,
            )
        for server in self.servers:
            self._wait_until_healthy(server)
        return self

    def _wait_until_healthy(self, server):
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            for process, log in ((server.process, server.log), (self.worker, self.worker_log)):
                if process.poll() is not None:
                    raise RuntimeError(f"{log.name} stopped:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{server.url}/health/", timeout=5):
                    return
            except (OSError, urllib.error.HTTPError):
                time.sleep(0.3)
        raise RuntimeError(f"app server {server.name} was not healthy within 90 seconds")

    def stop_processes(self):
        processes = [server.process for server in self.servers] + [self.worker]
        for process in processes:  # all at once: each may take its graceful timeout
            if process is not None and process.poll() is None:
                process.terminate()
        for process in processes:
            _terminate(process)
        for server in self.servers:
            server.process = None
        self.worker = None

    def stop(self):
        if self._collecting is not None:
            _terminate(self._collecting)
        self.stop_processes()
        self._delete_cache_keys()
        if self.postgres is not None:
            self.postgres.drop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _delete_cache_keys(self):
        import redis

        client = redis.Redis.from_url(self.redis_url)
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=1000):
            client.delete(key)


def _children(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _terminate(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def memory_kib(pid):
    """Resident (RSS) and proportional (PSS: shared pages split between their users)
    memory of a process, in KiB."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("Rss", "Pss"):
                values[name] = int(rest.split()[0])
    except OSError:
        return None
    return values.get("Rss", 0), values.get("Pss", 0)
