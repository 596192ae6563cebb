"""Policy documents: laws, decrees, position papers, model clauses, reports, guidance."""

from modelcluster.fields import ParentalKey

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from contentblocks.blocks import BodyBlock

from ..forms import KnowledgePageForm
from .base import WORKING_GROUP_MODEL, KnowledgeKind, KnowledgePage, about_panels, attachments_panel

POLICY_KINDS = [
    (kind.value, kind.label)
    for kind in (
        KnowledgeKind.LAW,
        KnowledgeKind.DECREE,
        KnowledgeKind.REGULATION,
        KnowledgeKind.POSITION_PAPER,
        KnowledgeKind.MODEL_CLAUSE,
        KnowledgeKind.REPORT,
        KnowledgeKind.PROCUREMENT_GUIDANCE,
    )
]


class PolicyDocumentPage(KnowledgePage):
    """A policy text, by the network or others: where it applies and whether it is in force."""

    class Level(models.TextChoices):
        EU = "eu", _("European Union")
        SPAIN = "spain", _("Spain")
        CATALONIA = "catalonia", _("Catalonia")
        LOCAL = "local", _("Local")

    class DocumentStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_FORCE = "in_force", _("In force")
        REPEALED = "repealed", _("Repealed")
        SUPERSEDED = "superseded", _("Superseded")

    kind_choices = POLICY_KINDS

    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    document_status = models.CharField(
        _("status of the text"),
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.DRAFT,
        help_text=_("Whether the text itself is a draft, in force, repealed or superseded."),
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=255,
        blank=True,
        help_text=_("Who adopted or wrote the text: a parliament, a government, the network…"),
    )
    official_url = models.URLField(
        _("official link"), blank=True, help_text=_("Its page in an official journal or register.")
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    repealed_on = models.DateField(_("repealed or superseded on"), null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = KnowledgePageForm
    content_panels = (
        Page.content_panels
        + about_panels(POLICY_KINDS)
        + [
            MultiFieldPanel(
                [
                    FieldPanel("level"),
                    FieldPanel("document_status"),
                    FieldPanel("issuing_body"),
                    FieldPanel("official_url"),
                    FieldPanel("adopted_on"),
                    FieldPanel("in_force_from"),
                    FieldPanel("repealed_on"),
                ],
                heading=_("The text"),
            ),
            FieldPanel("body"),
            attachments_panel(),
            InlinePanel(
                "related_document_links",
                heading=_("Related documents"),
                label=_("Related document"),
            ),
        ]
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("issuing_body"),
        index.SearchField("body"),
        index.FilterField("level"),
        index.FilterField("document_status"),
    ]

    parent_page_types = ["knowledge.LibraryPage", WORKING_GROUP_MODEL]
    subpage_types = []

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def clean(self):
        super().clean()
        ended = {self.DocumentStatus.REPEALED, self.DocumentStatus.SUPERSEDED}
        if self.repealed_on and self.document_status not in ended:
            raise ValidationError(
                {"repealed_on": _("Only a repealed or superseded text has an end date.")}
            )
        if self.adopted_on and self.in_force_from and self.in_force_from < self.adopted_on:
            raise ValidationError(
                {"in_force_from": _("A text cannot be in force before it is adopted.")}
            )

    def related_documents(self):
        """The documents an editor linked, in this page's language, live only."""
        targets = [link.target for link in self.related_document_links.select_related("target")]
        if not targets:
            return []
        translations = {
            page.translation_key: page
            for page in KnowledgePage.objects.filter(
                translation_key__in={target.translation_key for target in targets},
                locale_id=self.locale_id,
                live=True,
            )  # cards name, link and label them: no specific fields needed
        }
        documents = []
        for target in targets:
            shown = translations.get(target.translation_key)
            if shown is None and target.live:
                shown = target
            if shown is not None and shown.pk != self.pk:
                documents.append(shown)
        return documents


class PolicyDocumentRelation(Orderable):
    page = ParentalKey(
        PolicyDocumentPage, on_delete=models.CASCADE, related_name="related_document_links"
    )
    target = models.ForeignKey(
        "knowledge.KnowledgePage",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("target", ["knowledge.PolicyDocumentPage", "knowledge.GuidePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")
