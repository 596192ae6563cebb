from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backup import create_backup


class Command(BaseCommand):
    help = (
        "Save the database and every uploaded file into one .tar.gz archive "
        "(restore with `restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Where to write the archive (default: VAR_DIR/backups/backup-<date>.tar.gz).",
        )

    def handle(self, *args, path=None, **options):
        if path is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = settings.VAR_DIR / "backups" / f"backup-{stamp}.tar.gz"
        manifest = create_backup(path)
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {rows} rows and {len(manifest['files'])} files to {path}"
            )
        )
