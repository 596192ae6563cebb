"""The one place where the process environment is read.

Every setting that an operator may change comes from here; nothing else in the
project looks at ``os.environ``.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

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


SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"


def email():
    """Where emails go: ``EMAIL_URL`` (``smtp://user:password@host:587`` with STARTTLS,
    ``smtps://…:465`` with TLS from the start, ``smtp://…?tls=off`` for neither), else
    ``EMAIL_HOST`` and its companions, else the console. ``EMAIL_BACKEND`` overrides."""
    url = os.environ.get("EMAIL_URL")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps"):
            raise ValueError("EMAIL_URL must start with smtp:// or smtps://")
        ssl = parts.scheme == "smtps"
        tls = not ssl and parse_qs(parts.query).get("tls", ["on"])[0].lower() not in ("0", "off")
        config = {
            "backend": SMTP_BACKEND,
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if ssl else 587),
            "user": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": tls,
            "use_ssl": ssl,
        }
    else:
        host = os.environ.get("EMAIL_HOST", "")
        config = {
            "backend": SMTP_BACKEND if host else CONSOLE_BACKEND,
            "host": host or "localhost",
            "port": int(os.environ.get("EMAIL_PORT") or 25),
            "user": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": flag("EMAIL_USE_TLS"),
            "use_ssl": flag("EMAIL_USE_SSL"),
        }
    config["backend"] = os.environ.get("EMAIL_BACKEND") or config["backend"]
    return config
