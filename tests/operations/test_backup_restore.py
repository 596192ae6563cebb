"""``backup`` then ``restore`` into a new, migrated database gives back every
row (pages, revisions, translations, documents, images, users…) and every file."""

import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from operations.backup import create_backup
from tests.browser.server import PostgresDatabase
from tests.demo_database import ensure_built
from tests.search.conftest import publish_fixture, upload_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def uploads(media):
    image = get_image_model().objects.create(
        title="Assemblea", file=ContentFile(_png(), name="assemblea.png")
    )
    image.get_rendition("width-32")
    document = get_document_model().objects.create(
        title="Acta", file=ContentFile(b"%PDF-1.4 acta de l'assemblea", name="acta.pdf")
    )
    return image, document


class TargetDatabase:
    """A new, migrated database where the backup is restored, used by its own processes.

    Migrating takes most of a minute, so each target is a copy of the database as
    ``migrate`` left it when the demo was built, before the demo was loaded
    (``tests/demo_database.py``): a SQLite file, or a PostgreSQL template.
    """

    def __init__(self, workdir, migrated):
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir = workdir
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "VAR_DIR": str(workdir),
            "SECRET_KEY": secrets.token_urlsafe(48),
        }
        self.postgres = None
        if migrated.migrated_template is not None:
            self.postgres = PostgresDatabase(os.environ["DATABASE_URL"], "restore")
            template = migrated.migrated_template.name
            self.env["DATABASE_URL"] = self.postgres.create(template=template)
        else:
            self.env.pop("DATABASE_URL", None)
            shutil.copyfile(migrated.migrated_sqlite_file, self.sqlite_file)

    @property
    def sqlite_file(self):
        return self.workdir / "db.sqlite3"

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def drop(self):
        if self.postgres is not None:
            self.postgres.drop()


@pytest.fixture
def target(tmp_path):
    database = TargetDatabase(tmp_path / "target", ensure_built())
    yield database
    database.drop()


def test_a_target_is_migrated_and_empty(target):
    """What the round trips below start from: every migration applied, no demo content."""
    assert Page.objects.filter(depth__gt=2).exists(), "the demo has pages below its home"
    script = (
        "from django.db import connection; "
        "from django.db.migrations.executor import MigrationExecutor; "
        "from wagtail.models import Page; "
        "executor = MigrationExecutor(connection); "
        "plan = executor.migration_plan(executor.loader.graph.leaf_nodes()); "
        "print(len(plan), Page.objects.filter(depth__gt=2).count())"
    )
    unapplied, pages_below_a_home = target.manage("shell", "-c", script).split()[-2:]
    assert (unapplied, pages_below_a_home) == ("0", "0")


def _archive(path):
    with tarfile.open(path) as archive:
        data = json.load(archive.extractfile("data.json"))
        files = {
            m.name: archive.extractfile(m).read()
            for m in archive.getmembers()
            if m.name.startswith("media/")
        }
        manifest = json.load(archive.extractfile("manifest.json"))
    return data, files, manifest


# A word of a demo page, a word of the demo guide's PDF, and the same for a page and
# a file made here: the file's word is found only inside the file (via its page, and
# as the file itself).
WORDS = ["habitatge", "masoveria", "restauraciopagina", "restauraciofitxer"]


def _public_totals(client_get):
    return {word: client_get(word)["total"] for word in WORDS}


@dataclass
class Restoration:
    """A backup of the demo with an image, a rendition, a file and a page made here, the
    public search's totals before it, the new database it was restored into, and what
    the restored site answered afterwards."""

    archive: Path
    rows: dict
    search_before: dict
    target: TargetDatabase
    answers: dict


# Asked of the restored site in one process after the restore (each start of Django costs
# seconds): a backup of it first, then its home pages and its public search.
ASK_THE_RESTORED_SITE = """
import json
from django.core.management import call_command
from django.test import Client
call_command("backup", {archive!r})
client = Client()
print(json.dumps({{
    "home_pages": [client.get("/ca/").status_code, client.get("/en/").status_code],
    "search": {{w: client.get("/api/search/", {{"q": w}}).json()["total"] for w in {words!r}}},
}}))
"""


@pytest.fixture(scope="module")
def _restorations():
    """The restorations made in this module, each dropped at its end: a restore takes
    most of a minute on PostgreSQL, and the tests below only read what it gave back."""
    made = {}
    yield made
    for restoration in made.values():
        restoration.target.drop()


@pytest.fixture
def restored(request, _restorations, tmp_path_factory):
    """The site backed up and restored once, at the first test that asks for it."""
    if "site" not in _restorations:
        request.getfixturevalue("uploads")
        client, publish, upload = map(request.getfixturevalue, ("client", "publish", "upload"))
        document = upload("Acta restaurada", "Text amb restauraciofitxer.")
        publish("Pàgina restaurada", "Text amb restauraciopagina.", documents=[document])
        search_before = _public_totals(lambda word: client.get("/api/search/", {"q": word}).json())
        workdir = tmp_path_factory.mktemp("restored")
        archive = workdir / "source.tar.gz"
        manifest = create_backup(archive)
        target = TargetDatabase(workdir / "target", ensure_built())
        # Kept before the restore runs: the module's end drops its database whatever happens.
        restoration = Restoration(archive, manifest["rows"], search_before, target, answers={})
        _restorations["site"] = restoration
        target.manage("restore", "--no-input", str(archive))
        restored_archive = workdir / "restored.tar.gz"
        script = ASK_THE_RESTORED_SITE.format(archive=str(restored_archive), words=WORDS)
        restoration.answers.update(
            json.loads(target.manage("shell", "-c", script).strip().splitlines()[-1]),
            archive=restored_archive,
        )
    return _restorations["site"]


def test_round_trip_gives_back_every_row_and_every_file(restored):
    for model in (
        "wagtailcore.page",
        "wagtailcore.revision",
        "wagtail_localize.translation",
        "documents.searchabledocument",
        "wagtailimages.image",
        "wagtailimages.rendition",
    ):
        assert restored.rows.get(model, 0) > 0, model
    assert Page.objects.filter(depth__gt=1).values("locale").distinct().count() == 3

    source_data, source_files, _ = _archive(restored.archive)
    restored_data, restored_files, restored_manifest = _archive(restored.answers["archive"])
    assert restored_manifest["rows"] == restored.rows
    assert restored_data == source_data
    assert restored_files == source_files
    assert {"media/original_images/assemblea.png", "media/documents/acta.pdf"} <= set(
        restored_files
    )


def test_restored_site_serves_its_pages(restored):
    assert restored.answers["home_pages"] == [200, 200]


def test_restore_gives_the_public_search_back_unchanged(restored):
    before = restored.search_before
    assert before["restauraciopagina"] == 1
    assert before["restauraciofitxer"] == 2, "the page that uses the file, and the file"
    assert all(before.values()), before

    assert restored.answers["search"] == before


def test_restore_refuses_a_damaged_archive(tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore", str(damaged), interactive=False)


def test_restore_refuses_an_archive_whose_file_was_altered(uploads, tmp_path):
    archive = tmp_path / "site.tar.gz"
    create_backup(archive)
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(altered, "w:gz") as copy:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "media/documents/acta.pdf":
                content = b"%PDF-1.4 altered"
                member.size = len(content)
            copy.addfile(member, io.BytesIO(content))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(altered), interactive=False)
    assert Page.objects.filter(depth__gt=1).exists()
