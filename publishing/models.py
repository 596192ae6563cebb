"""The one publishing decision kept as data: collections the secretariat made public.

A file is normally public only through a public page that uses it. Some files
stand on their own (a logo pack, a press kit, the statutes); the secretariat
publishes the collection that holds them, and every file in it (and in the
collections below it) is public unless a view restriction says otherwise.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection


class PublicCollection(models.Model):
    collection = models.OneToOneField(
        Collection,
        on_delete=models.CASCADE,
        related_name="public_marker",
        verbose_name=_("collection"),
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    note = models.CharField(
        _("why it is public"),
        max_length=255,
        blank=True,
        help_text=_("For the secretariat's records, e.g. “Press kit, approved in March 2023”."),
    )

    class Meta:
        verbose_name = _("public collection")
        verbose_name_plural = _("public collections")

    def __str__(self):
        return self.collection.name
