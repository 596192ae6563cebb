from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .slugs import ascii_slug_for_new_pages, ascii_slug_on_publish

        # Every page model, including those of other apps: one rule for every address.
        pre_save.connect(ascii_slug_for_new_pages, dispatch_uid="home.ascii_slugs")
        page_published.connect(ascii_slug_on_publish, dispatch_uid="home.ascii_slugs")
