"""Bulletin benchmark: one bulletin to N subscribers through a local SMTP server.

    python -m bench.bulletins                    # 10,000 subscribers, SQLite
    python -m bench.bulletins --subscribers 2000 --postgres postgres://postgres@127.0.0.1:5432
    python -m bench.bulletins --reuse            # keep the database an earlier run built

The database (``/tmp/bulletins-bench/``, or ``bulletins_bench`` on PostgreSQL)
is built once with ``migrate`` and ``load_demo``. Then ``bench.bulletins.prepare``
adds N confirmed subscribers and presses *Send* on the demo's Catalan bulletin,
which queues the sending for the database task backend (the demo itself is built
with the immediate one, so the queue holds the sending only), and the real worker
(``manage.py db_worker --batch``, production settings) sends it to an aiosmtpd
server in this process, which counts what it accepts. Printed: messages per
second from the worker's start to its exit, and the worker's peak resident
memory (its own ``ru_maxrss``, from ``wait4``).
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.subscriptions.smtp import SMTPServer  # noqa: E402

PYTHON = sys.executable
WORK = Path("/tmp/bulletins-bench")


def environment(postgres, smtp_port):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="off",
        PYTHONPATH=f"{ROOT}:{ROOT / 'site'}",
        VAR_DIR=str(WORK),
        MEDIA_ROOT=str(WORK / "media"),
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}?tls=off",
        LOG_LEVEL="WARNING",
    )
    env.pop("ELASTICSEARCH_URL", None)
    env.pop("EMAIL_BACKEND", None)
    if postgres:
        env["DATABASE_URL"] = f"{postgres.rstrip('/')}/bulletins_bench"
    else:
        env["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
    return env


def call(args, env):
    subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True)


def build(env, postgres):
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    if postgres:
        import psycopg

        with psycopg.connect(postgres.rstrip("/") + "/postgres", autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS bulletins_bench")
            connection.execute("CREATE DATABASE bulletins_bench")
    call(["manage.py", "migrate", "--noinput", "-v0"], env)
    call(["manage.py", "load_demo", "-v0"], env)
    (WORK / "built").write_text("yes")


def run_worker(env):
    """The worker until no task is left: (seconds, peak RSS in MiB)."""
    started = time.perf_counter()
    worker = subprocess.Popen(
        [
            PYTHON,
            "manage.py",
            "db_worker",
            "--batch",
            "--interval",
            "0.1",
            "--no-startup-delay",
            "-v0",
        ],
        cwd=ROOT,
        env=env,
    )
    _pid, status, usage = os.wait4(worker.pid, 0)
    elapsed = time.perf_counter() - started
    worker.returncode = os.waitstatus_to_exitcode(status)
    if worker.returncode:
        raise SystemExit(f"the worker failed ({worker.returncode})")
    return elapsed, usage.ru_maxrss / 1024  # Linux: KiB


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument(
        "--postgres", help="a PostgreSQL server URL, e.g. postgres://postgres@127.0.0.1:5432"
    )
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    args = parser.parse_args()

    with SMTPServer(keep=False) as server:
        env = environment(args.postgres, server.port)
        if not (args.reuse and (WORK / "built").exists()):
            build(env, args.postgres)
        call(["manage.py", "migrate", "--noinput", "-v0"], env)  # the code may be newer
        # The demo is built with the immediate backend; the sending alone is the worker's.
        env["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
        call(["-m", "bench.bulletins.prepare", str(args.subscribers)], env)
        elapsed, peak_mib = run_worker(env)
        received = server.mailbox.count
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"database         {database}")
    print(f"subscribers      {args.subscribers}")
    print(f"messages sent    {received}")
    print(f"worker time      {elapsed:.1f} s")
    print(f"messages/second  {received / elapsed:.0f}")
    print(f"worker peak RSS  {peak_mib:.0f} MiB")
    if received != args.subscribers:
        raise SystemExit("not every subscriber received the bulletin exactly once")
