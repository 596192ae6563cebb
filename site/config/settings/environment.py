"""The one place where the process environment is read.

Every setting that an operator may change comes from here; nothing else in the
project looks at ``os.environ``.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def text(name, default=""):
    return os.environ.get(name, default)


def flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def listing(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def path(name, default):
    return Path(os.environ.get(name) or default)


def database(default_sqlite_path):
    """``DATABASE_URL`` when set, otherwise a SQLite file (created on migrate)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        Path(default_sqlite_path).parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{default_sqlite_path}"
    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the page cache and the task worker read while a request writes.
        config.setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
        config["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    return config
