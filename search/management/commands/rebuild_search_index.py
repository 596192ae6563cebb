"""Rebuild the public search index from every live page and every document.

Run after anything that writes content without announcing it: ``restore``,
bulk loading under ``publishing.events.paused()``, a failed update.
"""

import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the public search index (pages, their attached files, documents)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="Pages per batch.")

    def handle(self, *args, batch, **options):
        started = time.perf_counter()

        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{total} pages")

        pages, documents = rebuild(batch_size=batch, progress=progress)
        elapsed = time.perf_counter() - started
        if options["verbosity"] < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {pages} pages and {documents} documents in {elapsed:.1f} s."
            )
        )
