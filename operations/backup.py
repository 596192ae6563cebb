"""Whole-site backups: the database as Django fixtures plus every stored file.

A backup is one ``.tar.gz`` archive:

- ``manifest.json``: format version, when and from what it was made, the
  migrations applied, how many rows of each model and the SHA-256 of each file;
- ``data.json``: Django's JSON fixture of every table with its primary keys
  and times to the microsecond (``dumpdata`` keeps milliseconds only), content
  types and permissions included, so that a restore gives back the same rows
  with the same ids (log entries of deleted pages included);
- ``media/...``: every file of the default storage (original images, renditions,
  documents), read through the storage API so that it works on S3 too.

Derived data is left out and rebuilt after a restore: the public search index
(``rebuild_search_index``: its entries and full-text structures are made from
the pages and documents) and, with Elasticsearch, Wagtail's admin index
(``update_index``); Wagtail's database index comes back with the data.
Sessions are left out too.
Why fixtures rather than ``pg_dump``: one format for SQLite and PostgreSQL, and a
restore that works across database engines (see docs/production.md for
``pg_dump`` as a complement on large sites).
"""

import hashlib
import io
import json
import tarfile
import tempfile
from collections import Counter
from datetime import UTC, datetime, time
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

import wagtail

FORMAT_VERSION = 1

# Of no value in a backup (sessions, finished tasks), filled by a database
# trigger (SQLite's full-text table) or rebuilt from the content after a restore
# (the public search's entries). Their tables are emptied on restore all the
# same: sessions end.
EXCLUDED_MODELS = (
    "sessions",
    "wagtailsearch.sqliteftsindexentry",
    "django_tasks_db.dbtaskresult",
    "search.searchentry",
    "search.searchattachment",
)
FULL_TEXT_MODELS = ("wagtailsearch.sqliteftsindexentry",)


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why."""


def _excluded_labels():
    labels = set()
    for entry in EXCLUDED_MODELS:
        if "." in entry:
            app_label, model_name = entry.split(".")
            try:
                apps.get_model(app_label, model_name)
            except LookupError:
                continue
            labels.add(entry)
        elif entry in {config.label for config in apps.get_app_configs()}:
            labels.add(entry)
    return sorted(labels)


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def applied_migrations(using=DEFAULT_DB_ALIAS):
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _storage_files(storage, folder=""):
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # nothing uploaded yet
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name)) if folder else name
    for directory in sorted(directories):
        yield from _storage_files(
            storage, str(PurePosixPath(folder, directory)) if folder else directory
        )


def _sha256(handle):
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


class _FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps microseconds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _dumped_models():
    excluded = set(_excluded_labels())
    models = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in excluded
        and model._meta.label_lower not in excluded
    ]
    # Content types first: signal handlers run while loading may look them up,
    # and would create them with other ids if they were not there yet.
    return sorted(models, key=lambda model: model._meta.label_lower != "contenttypes.contenttype")


def _dump_database(using):
    rows = []
    for model in _dumped_models():
        queryset = model._base_manager.using(using).order_by("pk")
        rows += json.loads(
            serializers.serialize("json", queryset.iterator(), cls=_FullPrecisionEncoder)
        )
    return json.dumps(rows, ensure_ascii=False, indent=0, cls=_FullPrecisionEncoder)


def create_backup(destination, using=DEFAULT_DB_ALIAS, storage=default_storage):
    """Write a backup archive to ``destination`` and return its manifest."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with transaction.atomic(using=using):
        data = _dump_database(using)
        migrations = applied_migrations(using)
    counts = Counter(obj["model"] for obj in json.loads(data))
    files = {}
    partial = destination.with_name(destination.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, "data.json", data.encode())
        for name in _storage_files(storage):
            with storage.open(name, "rb") as handle:
                files[name] = {"sha256": _sha256(handle), "size": storage.size(name)}
                handle.seek(0)
                info = tarfile.TarInfo(f"media/{name}")
                info.size = files[name]["size"]
                archive.addfile(info, handle)
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "migrations": migrations,
            "rows": dict(sorted(counts.items())),
            "files": files,
        }
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    partial.replace(destination)
    return manifest


def _add_bytes(archive, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    archive.addfile(info, io.BytesIO(payload))


def read_manifest(source):
    try:
        with tarfile.open(source, "r:gz") as archive:
            return json.load(archive.extractfile("manifest.json"))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{source} is not a readable backup archive ({error}).") from error


def restore_backup(source, using=DEFAULT_DB_ALIAS, storage=default_storage):
    """Replace the database's content and the stored files with the backup's.

    The schema must be at the same migrations as when the backup was made (run
    ``migrate`` first). Everything is checked before anything is changed; the
    database part runs in one transaction.
    """
    manifest = read_manifest(source)
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"Backup format {manifest.get('format')} is not supported (expected {FORMAT_VERSION})."
        )
    missing = sorted(set(manifest["migrations"]) - set(applied_migrations(using)))
    if missing:
        raise BackupError(
            "The database lacks migrations that the backup needs; run `manage.py migrate` first. "
            f"Missing: {', '.join(missing[:5])}{'…' if len(missing) > 5 else ''}"
        )
    with tempfile.TemporaryDirectory() as workdir, tarfile.open(source, "r:gz") as archive:
        workdir = Path(workdir)
        archive.extractall(workdir, filter="data")
        _verify_files(workdir, manifest)
        fixture = workdir / "data.json"
        with transaction.atomic(using=using):
            _empty_database(using)
            call_command("loaddata", str(fixture), database=using, verbosity=0)
        ContentType.objects.clear_cache()
        _restore_files(workdir / "media", manifest, storage)
    # Named, not imported: nothing imports the search app.
    call_command("rebuild_search_index", verbosity=0)
    if _uses_external_search():
        call_command("update_index", verbosity=0)
    return manifest


def _uses_external_search():
    """The database search backend's index is restored with the data; an external
    one (Elasticsearch) is rebuilt from it."""
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    return any("database" not in config.get("BACKEND", "") for config in backends.values())


def _verify_files(workdir, manifest):
    for name, expected in manifest["files"].items():
        path = workdir / "media" / name
        if not path.is_file():
            raise BackupError(f"The archive lacks the file {name}.")
        with path.open("rb") as handle:
            if _sha256(handle) != expected["sha256"]:
                raise BackupError(f"The file {name} in the archive is damaged (checksum differs).")


def _empty_database(using):
    """Delete every row of every table of the project's models, keeping the schema.

    SQLite's full-text table is emptied by hand: it is keyed by index entry id,
    and its trigger refills it as the index entries are loaded.
    """
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for label in FULL_TEXT_MODELS:
            model = _model(label)
            if model is not None and model._meta.db_table in existing:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    index_models = [_model(label) for label in FULL_TEXT_MODELS]
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model not in index_models
    ]
    tables = sorted({model._meta.db_table for model in models})
    tables = [table for table in tables if table in existing]
    statements = connection.ops.sql_flush(
        _NoStyle(), tables, reset_sequences=False, allow_cascade=True
    )
    connection.ops.execute_sql_flush(statements)


class _NoStyle:
    def __getattr__(self, name):
        return lambda text: text


def _restore_files(media_dir, manifest, storage):
    for name in manifest["files"]:
        if storage.exists(name):
            storage.delete(name)
        with (media_dir / name).open("rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(
                f"The storage saved {name} as {saved}; restore into an empty media folder."
            )
