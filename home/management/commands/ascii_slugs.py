"""Give every page whose slug has accents or a punt volat an ASCII one (``home.slugs``)."""

from django.core.management.base import BaseCommand

from home.slugs import ascii_slug, pages_with_non_ascii_slugs, rename_to_ascii


class Command(BaseCommand):
    help = (
        "Rename pages whose slug is not plain ASCII (accents, punt volat); "
        "their old addresses redirect permanently to the new ones."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the pages without renaming them."
        )

    def handle(self, *args, dry_run=False, **options):
        pages = pages_with_non_ascii_slugs()
        for page in pages:
            old_slug = page.slug
            new_slug = ascii_slug(old_slug) if dry_run else rename_to_ascii(page)
            self.stdout.write(f"{page.pk}\t{page.locale.language_code}\t{old_slug} → {new_slug}")
        self.stdout.write(f"{len(pages)} page(s) {'to rename' if dry_run else 'renamed'}.")
