from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Bulletin subscriptions")
    default_auto_field = "django.db.models.BigAutoField"
