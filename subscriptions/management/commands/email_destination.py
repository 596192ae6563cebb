"""Says where this installation's emails go (``make run`` prints it before serving)."""

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print where emails go: the console, or which SMTP server."

    def handle(self, *args, **options):
        backend = settings.EMAIL_BACKEND
        if backend.endswith("console.EmailBackend"):
            where = "printed in this terminal (console backend; set EMAIL_URL to send them)"
        elif backend.endswith("smtp.EmailBackend"):
            security = (
                "TLS"
                if settings.EMAIL_USE_SSL
                else "STARTTLS"
                if settings.EMAIL_USE_TLS
                else "no TLS"
            )
            where = f"sent through SMTP {settings.EMAIL_HOST}:{settings.EMAIL_PORT} ({security})"
        else:
            where = f"handed to {backend}"
        self.stdout.write(f"Emails from {settings.DEFAULT_FROM_EMAIL}: {where}.")
