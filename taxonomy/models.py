"""Topics: the network's controlled vocabulary, translated with wagtail-localize.

Free tags (django-taggit) sit beside topics; each app that tags its pages keeps
its own through-model, as modelcluster needs one per page type. Tags are shared by
all languages, so their names are translated apart (``TagTranslation``) and shown
through ``taxonomy.tags``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Topic(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class TagTranslation(models.Model):
    """A free tag's name in one language, kept by the secretariat.

    Tags (django-taggit) are shared by every language's pages and wagtail-localize
    copies them from the Catalan source, so their names are translated here rather
    than on the pages. Read them only through ``taxonomy.tags``.
    """

    tag = models.ForeignKey(
        "taggit.Tag", on_delete=models.CASCADE, related_name="translations", verbose_name=_("tag")
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.WAGTAIL_CONTENT_LANGUAGES
    )
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("language"), FieldPanel("name")]

    class Meta:
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        ordering = ["tag__name", "language"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "language"], name="one_tag_name_per_language")
        ]

    def __str__(self):
        return f"{self.tag.name} → {self.name} ({self.language})"


def topics_of_locale(locale_id):
    """``{translation_key: Topic}`` of a language's topics: what a page's topics (often
    chosen in another language) are called in its own. Kept until the public view
    changes (``operations.public_snapshot``): every page of the library names them."""
    from operations.public_snapshot import once_per_public_change

    return once_per_public_change(
        ("topics_of_locale", locale_id),
        lambda: {t.translation_key: t for t in Topic.objects.filter(locale_id=locale_id)},
    )
