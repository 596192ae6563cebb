"""The demo site served by gunicorn, with production settings, for the browser.

Served from its own copy of the test suite's demo build (``tests/demo_database.py``):
a SQLite file in a temporary folder, or a new PostgreSQL database beside the one
DATABASE_URL names, and the demo's media files. So the browser's writes never
touch the test database nor the build, and the demo is not loaded again.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.demo_database import PostgresDatabase, ensure_built

ROOT = Path(__file__).resolve().parents[2]

# Run by ``manage.py shell -c`` (its namespace: what the shell imports by default): each
# line read is a script, answered by one line of what it printed, or its traceback. It
# starts at the first question, once the server runs, and holds no connection between
# questions (the demo's set-up, run in it before the server started, made the first
# upload of the publishing journey hang).
SHELL_ANSWER = "answer:"
SHELL_LOOP = f"""
import contextlib, io, json, sys, traceback
from django.db import connections
namespace = dict(globals())
for line in sys.stdin:
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(json.loads(line), dict(namespace))
        succeeded = True
    except Exception:
        printed.write(traceback.format_exc())
        succeeded = False
    connections.close_all()  # nothing held between questions, as if the process had ended
    sys.stdout.write({SHELL_ANSWER!r} + json.dumps([succeeded, printed.getvalue()]) + "\\n")
    sys.stdout.flush()
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DemoServer:
    def __init__(self, workdir, suffix="browser", port=None):
        self.workdir = Path(workdir)
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = self.workdir / "server.log"
        self._shell = None
        self.postgres = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "off",
            "VAR_DIR": str(self.workdir),
            "BASE_URL": self.base_url,
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "LOG_LEVEL": "WARNING",
            # One JSON line per request, into ``server.log``: a failing test shows its tail.
            "REQUEST_LOG_LEVEL": "INFO",
        }
        self.env.pop("CACHE_URL", None)
        if port is not None:  # attached to a server that is already running
            return
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            self.postgres = PostgresDatabase(os.environ["DATABASE_URL"], suffix)
        else:
            self.env.pop("DATABASE_URL", None)

    def manage(self, *args, check=True):
        return subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=check,
            timeout=900,
        )

    def shell(self, script):
        """What ``script`` prints when run as by ``manage.py shell -c`` on this server's
        database and settings, in one Django process kept for all the tests' questions:
        starting Django again for each would take seconds each time."""
        if self._shell is None or self._shell.poll() is not None:
            self._shell = subprocess.Popen(
                [sys.executable, str(ROOT / "manage.py"), "shell", "-c", SHELL_LOOP],
                env=self.env,
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        self._shell.stdin.write(json.dumps(script) + "\n")
        self._shell.stdin.flush()
        for line in self._shell.stdout:
            if line.startswith(SHELL_ANSWER):
                succeeded, printed = json.loads(line.removeprefix(SHELL_ANSWER))
                assert succeeded, printed
                return printed
        raise RuntimeError(f"the shell stopped (exit status {self._shell.wait()})")

    def build(self):
        """A copy of the demo build, fitted to these settings, and the static files."""
        demo = ensure_built()
        demo.copy_media(self.workdir / "media")
        if self.postgres is not None:
            self.env["DATABASE_URL"] = self.postgres.create(template=demo.template.name)
        else:
            shutil.copyfile(demo.sqlite_file, self.workdir / "db.sqlite3")
        # One Django start for both: each costs seconds.
        self.manage(
            "shell",
            "-c",
            "from django.core.management import call_command; "
            "from home.demo.copies import fit_to_settings; "
            "fit_to_settings(); call_command('collectstatic', interactive=False, verbosity=0)",
        )
        return self

    def start(self, workers=2):
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--pythonpath",
                "site",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--config",
                str(ROOT / "docs" / "deploy" / "gunicorn.conf.py"),
            ],
            env=self.env,
            cwd=ROOT,
            # A file, not a pipe: nobody reads a pipe while the tests run, and once its
            # buffer is full (a few hundred logged 404s) every worker would block on it.
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        log.close()  # gunicorn holds its own copy
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/robots.txt", timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within 60 seconds")

    def log_tail(self, lines=60):
        """The last lines gunicorn and Django logged (errors, and one line per request)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self):
        if self._shell is not None:
            self._shell.stdin.close()
            try:
                self._shell.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._shell.kill()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.postgres is not None:
            self.postgres.drop()
        shutil.rmtree(self.workdir, ignore_errors=True)
