"""Choices shared by the news models and the news index's filter."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsCategory(models.TextChoices):
    NEWS = "news", _("News")
    BULLETIN = "bulletin", _("Bulletin")
    PRESS = "press", _("Press release")
