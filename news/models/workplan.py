"""A year's work plan: its challenges, its areas of action with their lines,
the work that runs all year and the milestones on a timeline.

Challenges, ongoing work and milestones are ordered rows (InlinePanel): each is
a row an editor reorders, and a milestone points at the page that fulfils it in
a real foreign key, so an event page can show which milestone it fulfils and a
milestone shows its event without searching StreamField JSON. Areas of action
are a StreamField because they nest two levels (area → line → details), which
inline panels cannot.
"""

import datetime

from modelcluster.fields import ParentalKey

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from news.blocks import WorkPlanAreasBlock
from news.localization import localized_pages
from publishing.search_contract import SearchContract, SearchFacts
from publishing.visibility import RestrictionsFromVisibility


class WorkPlanPage(SearchContract, RestrictionsFromVisibility, Page):
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    introduction = models.TextField(_("introduction"), blank=True)
    areas = StreamField(WorkPlanAreasBlock(), blank=True, verbose_name=_("areas of action"))

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("introduction"),
        InlinePanel("challenges", heading=_("Challenges"), label=_("Challenge")),
        FieldPanel("areas"),
        InlinePanel(
            "ongoing_activities", heading=_("Work throughout the year"), label=_("Ongoing work")
        ),
        InlinePanel("milestones", heading=_("Calendar milestones"), label=_("Milestone")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("areas"),
        index.FilterField("year"),
    ]

    parent_page_types = ["news.AgendaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    @property
    def content_date(self):
        """A year's plan is dated by its year (search shows it in that year's facet)."""
        return datetime.date(self.year, 1, 1) if self.year else None

    def search_facts(self):
        return SearchFacts(date=self.content_date)

    def timeline(self):
        """Milestones by due date, each with the visible page that fulfils it in this language
        and the status it shows (``WorkPlanMilestone.shown_status``)."""
        milestones = list(
            self.milestones.select_related("fulfilled_by").order_by("due_date", "sort_order")
        )
        pages = localized_pages([milestone.fulfilled_by for milestone in milestones])
        targets = [milestone.fulfilled_by for milestone in milestones if milestone.fulfilled_by]
        events = apps.get_model("news", "EventPage")  # events.py imports this module
        finishes = dict(
            events.objects.filter(pk__in=[target.pk for target in targets]).values_list(
                "pk", "finishes_at"
            )
        )
        now = timezone.now()
        labels = dict(MilestoneStatus.choices)
        for milestone in milestones:
            target = milestone.fulfilled_by
            milestone.visible_target = pages.get(target.translation_key) if target else None
            if milestone.visible_target is not None:
                milestone.visible_target.finishes_at = finishes.get(target.pk)
            milestone.shown = milestone.shown_status(milestone.visible_target, now)
            milestone.shown_label = labels[milestone.shown]
        return milestones

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline()
        return context


class TranslatableOrderable(TranslatableMixin, Orderable):
    """An ordered row whose texts are translated with its page (wagtail-localize)."""

    class Meta:
        abstract = True
        ordering = ["sort_order"]
        unique_together = [("translation_key", "locale")]


class WorkPlanChallenge(TranslatableOrderable):
    plan = ParentalKey("news.WorkPlanPage", on_delete=models.CASCADE, related_name="challenges")
    text = models.CharField(_("challenge"), max_length=400)

    panels = [FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self):
        return self.text


class WorkPlanOngoingActivity(TranslatableOrderable):
    """Work that runs the whole year, shown across the timeline."""

    plan = ParentalKey(
        "news.WorkPlanPage", on_delete=models.CASCADE, related_name="ongoing_activities"
    )
    text = models.CharField(_("ongoing work"), max_length=400)

    panels = [FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("ongoing work")
        verbose_name_plural = _("ongoing work")

    def __str__(self):
        return self.text


class MilestoneStatus(models.TextChoices):
    AUTOMATIC = "automatic", _("From the event or product it links to")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class WorkPlanMilestone(TranslatableOrderable):
    plan = ParentalKey("news.WorkPlanPage", on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=255)
    period = models.CharField(
        _("when"),
        max_length=120,
        help_text=_("As the plan says it, for example: January or February."),
    )
    due_date = models.DateField(
        _("due by"),
        help_text=_("The last day of that period; it places the milestone on the timeline."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.AUTOMATIC,
        help_text=_(
            "Left to “From the event or product”, the milestone is done once its event has "
            "taken place or its product is published; choose another status to override it."
        ),
    )
    fulfilled_by = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("fulfilled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The event or product page that fulfils this milestone."),
    )
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldPanel("title"),
        MultiFieldPanel([FieldPanel("period"), FieldPanel("due_date")], heading=_("When")),
        FieldPanel("status"),
        PageChooserPanel("fulfilled_by"),
        FieldPanel("note"),
    ]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def shown_status(self, target, now):
        """The status readers see: the editor's, or the one ``target`` (its public page) gives."""
        if self.status != MilestoneStatus.AUTOMATIC:
            return self.status
        if target is None:
            return MilestoneStatus.PLANNED
        finishes_at = getattr(target, "finishes_at", None)
        if finishes_at is not None and finishes_at > now:
            return MilestoneStatus.PLANNED  # an event still to come
        return MilestoneStatus.DONE  # an event that took place, or a published product

    def clean(self):
        super().clean()
        if self.status == MilestoneStatus.DONE and not self.fulfilled_by_id:
            raise ValidationError(
                {
                    "fulfilled_by": _(
                        "Choose the event or product that fulfilled a milestone marked as done."
                    )
                }
            )
