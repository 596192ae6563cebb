import json

from django.core.management.base import BaseCommand

from operations.page_samples import all_samples


class Command(BaseCommand):
    help = (
        "List one live public page of every page type and view, in every language "
        "(for smoke checks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON list.")

    def handle(self, *args, json_output=False, **options):
        samples = all_samples()
        if options["json"]:
            self.stdout.write(json.dumps([sample.__dict__ for sample in samples]))
            return
        for sample in samples:
            self.stdout.write(f"{sample.language}\t{sample.kind}\t{sample.path}")
