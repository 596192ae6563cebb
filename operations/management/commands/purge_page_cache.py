from django.core.management.base import BaseCommand, CommandError

from operations.pagecache import purge


class Command(BaseCommand):
    help = "Drop every page of the anonymous page cache (publishing does this on its own)."

    def handle(self, *args, **options):
        if not purge():
            raise CommandError(
                "The cache cannot be reached: nothing was purged. The app servers that "
                "saw it fail start a new generation when it answers again."
            )
        self.stdout.write(self.style.SUCCESS("Page cache purged."))
