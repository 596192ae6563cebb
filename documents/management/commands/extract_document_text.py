"""Backfill: read the text of every document (or only those not read yet), with a progress bar."""

from collections import Counter

from tqdm import tqdm

from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model

from documents.indexing import extract_and_store


class Command(BaseCommand):
    help = "Extract the text of every document's file, store it, reindex the pages that attach it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending-only",
            action="store_true",
            help="Only documents whose text has not been extracted yet.",
        )

    def handle(self, *args, pending_only=False, **options):
        Document = get_document_model()
        documents = Document.objects.order_by("pk")
        if pending_only:
            documents = documents.filter(extraction_status=Document.ExtractionStatus.PENDING)
        outcomes = Counter()
        progress = tqdm(
            documents.iterator(chunk_size=100),
            total=documents.count(),
            unit="doc",
            desc="Extracting text",
            file=self.stderr,
            disable=options["verbosity"] == 0,
        )
        for document in progress:
            outcomes[extract_and_store(document)] += 1
        labels = dict(Document.ExtractionStatus.choices)
        summary = ", ".join(
            f"{labels.get(status, status)}: {count}" for status, count in sorted(outcomes.items())
        )
        self.stdout.write(f"Documents read: {sum(outcomes.values())}. {summary}")
