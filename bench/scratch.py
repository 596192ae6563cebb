"""Where a benchmark runs the project: a subprocess on its own scratch database.

Each benchmark keeps its data in a folder of its own (``VAR_DIR``, media) and a
database of its own: a SQLite file in that folder, or a named database on a
PostgreSQL server. Elasticsearch is left out so that every run measures the
project's own search engine.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def scratch_environment(
    folder, *, postgres=None, database="", settings="config.settings.dev", tree=ROOT, **extra
):
    """The environment of a process using ``folder`` and its database (``database`` on the
    ``postgres`` server when one is given, else ``folder/db.sqlite3``); ``tree`` is the
    checkout it imports, ``extra`` more variables."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=settings,
        PYTHONPATH=f"{tree}:{tree / 'site'}" + (f":{ROOT}" if tree != ROOT else ""),
        VAR_DIR=str(folder),
        MEDIA_ROOT=str(folder / "media"),
        **extra,
    )
    env.pop("ELASTICSEARCH_URL", None)
    if postgres:
        env["DATABASE_URL"] = f"{postgres.rstrip('/')}/{database}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    return env


def run_python(args, env, cwd=ROOT, **kwargs):
    """``python <args>`` in that environment; fails loudly."""
    return subprocess.run([PYTHON, *args], cwd=cwd, env=env, check=True, **kwargs)
