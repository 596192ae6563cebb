"""The search app's own tables.

``SearchEntry`` is a denormalised row per public page or document: what the
results list shows (title, type, date, working group, topics) plus the plain
text used for snippets. The full-text structures live beside it and belong to
the backend in use (an FTS5 table on SQLite, a ``tsvector`` column on
PostgreSQL, per-language indexes on Elasticsearch); see ``search.backends``.

Visibility is never trusted to the index: every query joins back to the live
page or document and applies the privacy rules of the moment (``search.visibility``).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        DOCUMENT = "document", _("Document")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    page = models.OneToOneField(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.OneToOneField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=8, db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=2048)
    body = models.TextField(blank=True, help_text="Plain text, kept for snippets.")
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    working_group = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # "|12|40|": topic ids, delimited so a LIKE filter and a split both work on every database.
    topic_ids = models.CharField(max_length=1000, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return self.title

    @property
    def topics(self):
        return [int(value) for value in self.topic_ids.strip("|").split("|") if value]


class SearchAttachment(models.Model):
    """A file attached to a page: its text, so a result can say which file matched."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=2048)
    text = models.TextField(blank=True)
    # The distinct stems of the text, space-separated, to test a match without re-stemming.
    stems = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search attachment")
        verbose_name_plural = _("search attachments")

    def __str__(self):
        return self.title


def language_choices():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class Synonym(models.Model):
    """Expressions that mean the same for people searching in one language."""

    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    expressions = models.TextField(
        _("equivalent expressions"),
        help_text=_(
            "One expression per line, e.g. “ESS” and “economia social i solidària”. "
            "A search for any of them finds all of them."
        ),
    )

    panels = [
        HelpPanel(
            content=_(
                "Synonyms apply to the public search in the chosen language, "
                "from the next search on."
            )
        ),
        FieldPanel("language"),
        FieldPanel("expressions"),
    ]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "expressions"]

    def __str__(self):
        return " ↔ ".join(self.expression_list)

    @property
    def expression_list(self):
        lines = self.expressions.replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]


def week_start(day):
    return day - datetime.timedelta(days=day.weekday())


class QueryRecord(models.Model):
    """How often a normalised query was searched in a language during one week."""

    language = models.CharField(_("language"), max_length=8)
    week = models.DateField(_("week starting"))
    query = models.CharField(_("query"), max_length=255)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("search query record")
        verbose_name_plural = _("search query records")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "week", "query"], name="search_query_record_unique"
            )
        ]
        indexes = [models.Index(fields=["week", "language"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.week})"
