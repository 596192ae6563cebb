from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from operations.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database's content and the uploaded files with those of a backup archive. "
        "Run `migrate` first on a new database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .tar.gz archive made by `manage.py backup`.")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, path, interactive, **options):
        try:
            manifest = read_manifest(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        database = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces every page, user and file of database {database} with the backup "
                f"made on {manifest['created']}. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {len(manifest['files'])} files from {path} "
                "and rebuilt the search index."
            )
        )
