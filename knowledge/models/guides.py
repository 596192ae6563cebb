"""Guides: a guide page per edition, with its chapters as child pages.

Why chapters are child pages rather than sections of one long page: each
chapter gets its own address to share and its own search result, a long guide
stays light to read and to edit, a coordinator can revise one chapter through
the workflow without locking the whole guide, and Wagtail's "copy page with
its subpages" starts a new edition with every chapter in place. Sections inside
a chapter are its headings, each with a stable anchor (``knowledge.sections``).

Editions: each edition is a guide page with its number and date; a new edition
names the one it replaces (``previous_edition``). Editions are matched by
translation key, so the chain holds in every language.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from contentblocks.blocks import BodyBlock
from operations.public_snapshot import once_per_public_change
from publishing.search_contract import SearchContract, SearchFacts
from publishing.visibility import RestrictionsFromVisibility, public_pages

from ..forms import KnowledgePageForm
from ..sections import sections_of
from .base import WORKING_GROUP_MODEL, KnowledgeKind, KnowledgePage, about_panels, attachments_panel

PRODUCT_KINDS = [
    (KnowledgeKind.GUIDE.value, KnowledgeKind.GUIDE.label),
    (KnowledgeKind.CAMPAIGN.value, KnowledgeKind.CAMPAIGN.label),
    (KnowledgeKind.WORKSHOP.value, KnowledgeKind.WORKSHOP.label),
]


class GuidePageManager(PageManager):
    """A guide fetched on its own comes with its cover image, which its page shows.

    Wagtail loads the page it serves with ``_default_manager.get(id=…)``
    (``Page.specific``); only ``get`` joins the image, so querysets that defer
    fields are left alone.
    """

    def get(self, *args, **kwargs):
        return self.get_queryset().select_related("cover_image").get(*args, **kwargs)


class GuidePage(KnowledgePage):
    """One edition of a guide or another product of the network (campaign or workshop material)."""

    objects = GuidePageManager()

    class EditionStatus(models.TextChoices):
        PUBLISHED = "published", _("Published")
        IN_PREPARATION = "in_preparation", _("In preparation")

    kind_choices = PRODUCT_KINDS

    introduction = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))
    edition_number = models.PositiveSmallIntegerField(
        _("edition number"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("1 for a first edition; a new edition of an existing guide counts on."),
    )
    edition_status = models.CharField(
        _("edition status"),
        max_length=16,
        choices=EditionStatus.choices,
        default=EditionStatus.PUBLISHED,
        help_text=_(
            "“In preparation” announces an edition still being written (with its planned "
            "year); “Published” is an edition readers can use."
        ),
    )
    planned_year = models.PositiveSmallIntegerField(
        _("planned year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("For an edition in preparation: the year it is planned to come out."),
    )
    previous_edition = models.ForeignKey(
        "knowledge.GuidePage",
        verbose_name=_("previous edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_editions",
        help_text=_(
            "The edition this one replaces. Readers of the older edition are pointed here."
        ),
    )

    base_form_class = KnowledgePageForm
    content_panels = (
        Page.content_panels
        + about_panels(PRODUCT_KINDS)
        + [
            MultiFieldPanel(
                [
                    FieldPanel("edition_number"),
                    FieldPanel("edition_status"),
                    FieldPanel("planned_year"),
                    PageChooserPanel("previous_edition", "knowledge.GuidePage"),
                ],
                heading=_("Edition"),
            ),
            FieldPanel("introduction"),
            attachments_panel(),
        ]
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("introduction"),
        index.FilterField("edition_status"),
    ]

    parent_page_types = ["knowledge.LibraryPage", WORKING_GROUP_MODEL]
    subpage_types = ["knowledge.GuideChapterPage"]

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    @classmethod
    def new_page_initial(cls):
        """A new guide starts as an edition in preparation, planned for this year."""
        return {
            **super().new_page_initial(),
            "edition_status": cls.EditionStatus.IN_PREPARATION,
            "planned_year": timezone.localdate().year,
        }

    def clean(self):
        super().clean()
        errors = {}
        in_preparation = self.edition_status == self.EditionStatus.IN_PREPARATION
        if in_preparation and not self.planned_year and not self.validating_draft:
            errors["planned_year"] = _(
                "Say when the edition in preparation is planned to come out."
            )
        if self.edition_status == self.EditionStatus.PUBLISHED:
            self.fill_publication_date()
        previous = self.previous_edition
        if previous is not None:
            if previous.translation_key == self.translation_key:
                errors["previous_edition"] = _("An edition cannot replace itself.")
            elif previous.edition_number >= self.edition_number:
                errors["edition_number"] = _(
                    "The edition number must be higher than the previous edition's (%(number)s)."
                ) % {"number": previous.edition_number}
        if errors:
            raise ValidationError(errors)

    # Editions
    @cached_property
    def editions(self):
        """Every live edition of this guide in this page's language, oldest first (kept
        until the public view changes, ``operations.public_snapshot``)."""

        def compute():
            keys = self._edition_keys()
            return list(
                public_pages(
                    GuidePage.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
                ).order_by("edition_number")
            )

        key = (self.pk, self.translation_key, self.previous_edition_id, self.locale_id)
        return once_per_public_change(("knowledge:editions", key), compute)

    def _edition_keys(self):
        keys = [self.translation_key]
        previous_id = self.previous_edition_id
        while previous_id and len(keys) < 100:
            row = (
                GuidePage.objects.filter(pk=previous_id)
                .values("translation_key", "previous_edition_id")
                .first()
            )
            if row is None or row["translation_key"] in keys:
                break
            keys.append(row["translation_key"])
            previous_id = row["previous_edition_id"]
        frontier = {self.translation_key}
        while frontier and len(keys) < 100:
            following = set(
                GuidePage.objects.filter(
                    previous_edition__translation_key__in=frontier
                ).values_list("translation_key", flat=True)
            ) - set(keys)
            keys.extend(following)
            frontier = following
        return keys

    @cached_property
    def current_edition(self):
        """The newest published edition (this one when none is newer)."""
        published = [e for e in self.editions if e.edition_status == self.EditionStatus.PUBLISHED]
        return published[-1] if published else None

    @property
    def is_current_edition(self):
        return self.current_edition is not None and self.current_edition.pk == self.pk

    @property
    def is_superseded(self):
        current = self.current_edition
        return (
            self.edition_status == self.EditionStatus.PUBLISHED
            and current is not None
            and current.edition_number > self.edition_number
        )

    @cached_property
    def edition_in_preparation(self):
        """A newer edition being prepared, to announce on the current one."""
        for edition in self.editions:
            planned = edition.edition_status == self.EditionStatus.IN_PREPARATION
            if planned and edition.edition_number > self.edition_number:
                return edition
        return None

    # Chapters
    @cached_property
    def chapters(self):
        """The public chapters, in order (kept until the public view changes)."""
        return once_per_public_change(
            ("knowledge:chapters", self.pk),
            lambda: list(public_pages(GuideChapterPage.objects.child_of(self)).order_by("path")),
        )

    def table_of_contents(self):
        return [
            {"number": number, "chapter": chapter, "sections": sections_of(chapter.body)}
            for number, chapter in enumerate(self.chapters, start=1)
        ]


class GuideChapterPage(SearchContract, RestrictionsFromVisibility, Page):
    """A chapter of a guide; its headings are the sections, each with a stable anchor."""

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["knowledge.GuidePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide chapter")
        verbose_name_plural = _("guide chapters")

    @cached_property
    def guide(self):
        """The published guide (kept until the public view changes)."""
        parent = self.get_parent()
        return once_per_public_change(
            ("knowledge:guide", parent.pk), lambda: _with_topics(parent.specific)
        )

    @property
    def content_date(self):
        """A chapter came out with its guide."""
        return self.guide.content_date

    def search_facts(self):
        return SearchFacts(date=self.content_date)

    @property
    def sections(self):
        return sections_of(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chapters = self.guide.chapters
        position = next((i for i, chapter in enumerate(chapters) if chapter.pk == self.pk), None)
        context["guide"] = self.guide
        context["chapters"] = chapters
        context["chapter_number"] = position + 1 if position is not None else None
        if position is not None:
            context["previous_chapter"] = chapters[position - 1] if position > 0 else None
            context["next_chapter"] = (
                chapters[position + 1] if position + 1 < len(chapters) else None
            )
        return context


def _with_topics(guide):
    """The guide with its topics fetched: its related pages, shown on every chapter, are
    looked up by them."""
    prefetch_related_objects([guide], "topics")
    return guide
