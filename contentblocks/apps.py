from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentBlocksConfig(AppConfig):
    name = "contentblocks"
    verbose_name = _("Content blocks")
    default_auto_field = "django.db.models.BigAutoField"
