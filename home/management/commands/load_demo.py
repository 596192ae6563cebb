"""Load the demo content. Idempotent: what exists is left as it is."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string


class DemoContext:
    """What loaders share: the home page, and the demo accounts to print at the end."""

    def __init__(self, command):
        self.command = command
        self.home = None
        self.accounts = []
        self.shared = {}

    def say(self, message):
        self.command.stdout.write(message)

    def add_account(self, account):
        if all(existing.username != account.username for existing in self.accounts):
            self.accounts.append(account)


class Command(BaseCommand):
    help = "Load the network's demo content (from its 2022 work plan) in ca, es and en."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index."
        )

    def handle(self, *args, **options):
        try:
            import fpdf  # noqa: F401 — the demo's PDFs are made with it
        except ModuleNotFoundError as error:
            raise CommandError(
                "The demo needs its optional dependencies: pip install -e '.[demo]'"
            ) from error
        context = DemoContext(self)
        # No enclosing transaction: wagtail-localize publishes translations on commit,
        # with the page as it was when the revision was made; one long transaction
        # would publish stale tree counters. Each step is idempotent instead, so a
        # run that stops half-way is completed by the next one.
        for dotted_path in settings.DEMO_CONTENT_LOADERS:
            self.stdout.write(f"Loading {dotted_path.rsplit('.', 1)[0]} …")
            import_string(dotted_path)(context)
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("\nDemo accounts (log in at /admin/):")
        for account in context.accounts:
            self.stdout.write(f"  {account.username:<16} {account.password:<20} {account.role}")
