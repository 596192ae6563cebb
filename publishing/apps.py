from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Publishing rules: what is public, and when that changes."""

    name = "publishing"
    verbose_name = _("Publishing")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import events, serving  # noqa: F401 — serving registers Wagtail hooks

        events.connect()
