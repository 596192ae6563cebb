"""What every knowledge page shares: the library lists, filters and relates them by these fields.

``KnowledgePage`` is a concrete (multi-table) base so that the library can
filter, sort and paginate guides and policy documents in one query; it knows
nothing of its subclasses.
"""

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from operations.public_snapshot import once_per_public_change
from publishing.search_contract import SearchContract, SearchFacts
from publishing.visibility import (
    RestrictionsFromVisibility,
    public_pages,
    restricted_collection_ids,
)
from taxonomy.models import topics_of_locale

from ..working_groups import WORKING_GROUP_MODEL, section_group_id


class KnowledgeKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    CAMPAIGN = "campaign", _("Campaign material")
    WORKSHOP = "workshop", _("Workshop material")
    LAW = "law", _("Law")
    DECREE = "decree", _("Decree")
    REGULATION = "regulation", _("Regulation or by-law")
    POSITION_PAPER = "position_paper", _("Position paper")
    MODEL_CLAUSE = "model_clause", _("Model clause")
    REPORT = "report", _("Report")
    PROCUREMENT_GUIDANCE = "procurement_guidance", _("Procurement guidance")


class KnowledgePageTag(TaggedItemBase):
    """Free tags (django-taggit) on knowledge pages; modelcluster needs our own through-model."""

    content_object = ParentalKey(
        "knowledge.KnowledgePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def about_panels(kind_choices):
    """The panels every knowledge page shares; the kind offers only its page type's choices."""
    return [
        FieldPanel("kind", widget=forms.Select(choices=[("", "---------"), *kind_choices])),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("working_group"), FieldPanel("publication_date")],
            heading=_("Who and when"),
        ),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("tags")], heading=_("Topics and tags")),
    ]


def attachments_panel():
    return InlinePanel("attachments", heading=_("Files to download"), label=_("File"))


class KnowledgePage(SearchContract, RestrictionsFromVisibility, Page):
    """A guide or a policy document: the fields the library filters and relates them by."""

    kind_choices = KnowledgeKind.choices

    kind = models.CharField(_("kind"), max_length=32, choices=KnowledgeKind.choices)
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what it is and who it is for.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    authors = models.CharField(
        _("authors"),
        max_length=255,
        blank=True,
        help_text=_("People or organisations, separated by commas."),
    )
    working_group = models.ForeignKey(
        WORKING_GROUP_MODEL,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        help_text=_(
            "Filled in from the page tree when the page is inside a working group's section."
        ),
    )
    publication_date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Leave it empty to use the day the page is first published."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=KnowledgePageTag,
        blank=True,
        help_text=_("Free keywords, separated by commas."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("authors"),
        index.SearchField("attachment_text"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]

    is_creatable = False

    #: True while the admin form validates a draft (``KnowledgePageForm``): rules that
    #: matter only for publishing wait until the page is submitted or published.
    validating_draft = False

    class Meta:
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")

    @classmethod
    def new_page_initial(cls):
        """What a new page's admin form starts with: the page type's first kind."""
        return {"kind": cls.kind_choices[0][0]}

    def clean(self):
        super().clean()
        if not self.kind and self.validating_draft:
            return
        if self.kind not in {value for value, _label in self.kind_choices}:
            raise ValidationError(
                {"kind": _("Choose one of the kinds offered for this page type.")}
            )

    def fill_publication_date(self):
        """A page going live without a publication date takes the day it was first published.

        Publishing sets ``first_published_at`` before it saves (and validates) the page.
        """
        if self.live and self.first_published_at and self.publication_date is None:
            self.publication_date = timezone.localdate(self.first_published_at)

    def save(self, *args, **kwargs):
        # Inside a working group's section the tree is the source of truth.
        group_id = section_group_id(self)
        if group_id is not None:
            self.working_group_id = group_id
        super().save(*args, **kwargs)

    # Search: the text inside the attached files is part of the page.
    def attachment_text(self):
        """Titles, descriptions and extracted text of the public files this page attaches."""
        parts = []
        hidden = set(restricted_collection_ids())
        for attachment in self.attachments.select_related("document"):
            document = attachment.document
            if document.collection_id in hidden:
                continue
            parts.extend(
                [attachment.label, document.title, document.description, document.extracted_text]
            )
        return "\n".join(part for part in parts if part)

    @property
    def content_date(self):
        """The content's own date (search, cards, feeds): a guide's or a text's publication."""
        return self.publication_date

    def search_facts(self):
        return SearchFacts(
            date=self.content_date,
            topic_ids=tuple(topic.pk for topic in self.topics.all()),
            working_group_id=self.working_group_id,
        )

    def get_context(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            from ..metadata import lend_stored_relations, public_working_group

            # What the page's metadata record reads (once), the template reads too.
            lend_stored_relations(self)
            self._public_working_group = public_working_group(self, request)
        return super().get_context(request, *args, **kwargs)

    # Display helpers, for the templates.
    @cached_property
    def downloads(self):
        if "attachments" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.attachments.all())  # lent by ``metadata``, documents joined
        return list(self.attachments.select_related("document"))

    def localized_topics(self):
        """The page's topics in its language (those chosen in another language, translated)."""
        topics = list(self.topics.all())
        if all(topic.locale_id == self.locale_id for topic in topics):
            return topics
        translated = topics_of_locale(self.locale_id)
        return [translated.get(topic.translation_key, topic) for topic in topics]

    @property
    def localized_working_group(self):
        if getattr(self, "_public_working_group", None) is not None:
            return self._public_working_group
        group = self.working_group
        if group is None:
            return None
        group = group.localized
        return group if group.live else None

    def related_items(self, limit=4):
        """Other live knowledge pages in this language that share the most topics with this one."""
        keys = sorted(topic.translation_key for topic in self.topics.all())
        if not keys:
            return []
        return once_per_public_change(
            ("knowledge:related", self.locale_id, self.translation_key, tuple(keys), limit),
            lambda: _related_items(self.locale_id, self.translation_key, keys, limit),
            per_item=True,
        )


def _related_items(locale_id, translation_key, topic_keys, limit):
    """The pages of ``current_items`` sharing the most of ``topic_keys``, but the one
    translation ``translation_key`` names."""
    return list(
        current_items(locale_id)
        .filter(topics__translation_key__in=topic_keys)
        .exclude(translation_key=translation_key)
        .annotate(
            shared_topics=Count(
                "topics", filter=Q(topics__translation_key__in=topic_keys), distinct=True
            )
        )
        .order_by("-shared_topics", models.F("publication_date").desc(nulls_last=True), "title")[
            :limit
        ]
    )


def current_items(locale_id):
    """Live public knowledge pages in a language, one per guide: its current edition.

    Editions in preparation and editions replaced by a newer published one are
    left out; they stay reachable from the guide's own page. The replaced ones
    are found by one uncorrelated subquery (the translation keys that a live
    published edition in this language names as its previous one), read once
    per query, not once per page: a subquery correlated with each page made a
    library of 50,000 items take minutes on SQLite (``bench/library_export``).
    """
    replaced_keys = (
        KnowledgePage.objects.live()
        .filter(
            locale_id=locale_id,
            guidepage__edition_status="published",
            guidepage__previous_edition__isnull=False,
        )
        .values("guidepage__previous_edition__translation_key")
    )
    return (
        public_pages(KnowledgePage.objects.filter(locale_id=locale_id))
        .exclude(guidepage__edition_status="in_preparation")
        .exclude(translation_key__in=replaced_keys)
    )


class KnowledgeAttachment(Orderable):
    """A downloadable file (a Wagtail document) attached to a knowledge page."""

    page = ParentalKey(KnowledgePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(
        _("label"),
        max_length=255,
        blank=True,
        help_text=_("Shown instead of the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self):
        return self.label or self.document.title
