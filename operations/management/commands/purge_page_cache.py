from django.core.management.base import BaseCommand

from operations.pagecache import purge


class Command(BaseCommand):
    help = "Drop every page of the anonymous page cache (publishing does this on its own)."

    def handle(self, *args, **options):
        purge()
        self.stdout.write(self.style.SUCCESS("Page cache purged."))
