"""Choices shared by the news models and the news index's filter."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NewsCategory(models.TextChoices):
    # Its own context: "News" alone is the plural heading ("Notícies"); a card's badge
    # names one item, beside the singular "Bulletin" and "Press release".
    NEWS = "news", pgettext_lazy("kind of news item", "News")
    BULLETIN = "bulletin", _("Bulletin")
    PRESS = "press", _("Press release")
