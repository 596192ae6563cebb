"""Queue again every bulletin sending left unfinished (a worker stopped mid-send).

Safe to run at any time, e.g. before the worker starts: nobody receives a
bulletin twice (see ``subscriptions.sending``).
"""

from django.core.management.base import BaseCommand

from subscriptions.models import Sending, SendingState
from subscriptions.tasks import resume_sendings


class Command(BaseCommand):
    help = "Queue again every unfinished bulletin sending."

    def handle(self, *args, **options):
        count = Sending.objects.filter(state=SendingState.RUNNING).count()
        resume_sendings()
        self.stdout.write(f"{count} sending(s) queued again.")
