"""What members need: questionnaire answers and onboarding-meeting notes.

Answers are stored as rows (one per area, per expected contract, per workshop
topic) rather than as a blob, so that reports are plain GROUP BY queries and
survive the erasure of the people who answered.
"""

import datetime

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .choices import COUNTY_CHOICES, Area, ReviewStatus, Sector

FIRST_YEAR = 2020


def this_year():
    return datetime.date.today().year


class NeedsResponse(ClusterableModel):
    """One member's answers to the needs questionnaire for one year."""

    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs_responses",
        help_text=_("Linked automatically when the organisation name matches a member."),
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    county = models.CharField(_("county"), max_length=40, choices=COUNTY_CHOICES)
    year = models.PositiveSmallIntegerField(
        _("year"),
        default=this_year,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text=_("The year these needs refer to."),
    )
    respondent_name = models.CharField(_("your name"), max_length=200)
    respondent_role = models.CharField(_("your role"), max_length=200, blank=True)
    respondent_email = models.EmailField(_("your email"), blank=True)
    needs_description = models.TextField(_("describe your needs"), blank=True)
    other_workshop_topics = models.TextField(_("other workshop topics"), blank=True)
    fee_questions = models.TextField(
        _("questions about the network or membership fees"), blank=True
    )
    consent_given_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted on"), auto_now_add=True)
    review_status = models.CharField(
        _("review status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEW
    )
    secretariat_notes = models.TextField(_("secretariat notes"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("review_status"), FieldPanel("member")]),
        FieldPanel("secretariat_notes"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("organisation_name"), FieldPanel("county"), FieldPanel("year")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("respondent_name"),
                        FieldPanel("respondent_role"),
                        FieldPanel("respondent_email"),
                    ]
                ),
            ],
            heading=_("Who answered"),
        ),
        InlinePanel("areas", label=_("area of need")),
        FieldPanel("needs_description"),
        InlinePanel("expected_hiring", label=_("expected hiring")),
        InlinePanel("workshop_topics", label=_("workshop topic")),
        FieldPanel("other_workshop_topics"),
        FieldPanel("fee_questions"),
    ]

    class Meta:
        verbose_name = _("needs questionnaire answer")
        verbose_name_plural = _("needs questionnaire answers")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.organisation_name} ({self.year})"

    def area_labels(self):
        return ", ".join(str(row.get_area_display()) for row in self.areas.all())

    area_labels.short_description = _("areas of need")


class NeedsResponseArea(models.Model):
    response = ParentalKey(NeedsResponse, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(_("area"), max_length=40, choices=Area.choices)

    panels = [FieldPanel("area")]

    class Meta:
        verbose_name = _("area of need")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "area"], name="members_unique_area_per_response"
            )
        ]

    def __str__(self):
        return str(self.get_area_display())


class ExpectedHiring(models.Model):
    """Contracts a member expects to award in a sector and year (the work plan's
    "necessitats de contractació")."""

    response = ParentalKey(NeedsResponse, on_delete=models.CASCADE, related_name="expected_hiring")
    sector = models.CharField(_("sector"), max_length=40, choices=Sector.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    contracts = models.PositiveIntegerField(
        _("number of contracts"), validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    estimated_amount = models.DecimalField(
        _("estimated amount (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("sector"),
                FieldPanel("year"),
                FieldPanel("contracts"),
                FieldPanel("estimated_amount"),
            ]
        )
    ]

    class Meta:
        verbose_name = _("expected hiring")
        verbose_name_plural = _("expected hiring")

    def __str__(self):
        return f"{self.get_sector_display()} {self.year}: {self.contracts}"


class WorkshopTopicRequest(models.Model):
    response = ParentalKey(NeedsResponse, on_delete=models.CASCADE, related_name="workshop_topics")
    topic = models.CharField(_("topic"), max_length=40, choices=Area.choices)

    panels = [FieldPanel("topic")]

    class Meta:
        verbose_name = _("workshop topic")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "topic"], name="members_unique_topic_per_response"
            )
        ]

    def __str__(self):
        return str(self.get_topic_display())


class OnboardingMeeting(models.Model):
    """The welcome meeting in which the secretariat identifies a new member's needs."""

    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="onboarding_meetings",
    )
    held_on = models.DateField(_("held on"))
    attendees = models.TextField(_("attendees"), blank=True, help_text=_("Personal data."))
    notes = models.TextField(_("notes"))
    next_steps = models.TextField(_("next steps"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("member"), FieldPanel("held_on")]),
        FieldPanel("attendees"),
        FieldPanel("notes"),
        FieldPanel("next_steps"),
    ]

    class Meta:
        verbose_name = _("onboarding meeting")
        verbose_name_plural = _("onboarding meetings")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.member} · {self.held_on:%Y-%m-%d}"
