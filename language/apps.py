from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageConfig(AppConfig):
    name = "language"
    verbose_name = _("Languages and grammar")

    def ready(self):
        from wagtail_localize.models import StringTranslation

        from .corrections import comment_with_local_date

        StringTranslation.get_comment = comment_with_local_date
