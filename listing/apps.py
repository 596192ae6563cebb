from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingConfig(AppConfig):
    """What every public listing shares: its pages of results."""

    name = "listing"
    verbose_name = _("Listings")
