"""Advice and mentoring: requests from members, the hours spent, the yearly bag of hours."""

import datetime
from decimal import Decimal

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .. import numbers
from .choices import AdviceFormat, AdviceStatus, Area
from .needs import FIRST_YEAR


class AdviceHoursBag(models.Model):
    """The hours of advice the network can offer its members in one year."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    hours = models.DecimalField(
        _("hours available"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    notes = models.TextField(_("notes"), blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("hours")]), FieldPanel("notes")]

    class Meta:
        verbose_name = _("bag of advice hours")
        verbose_name_plural = _("bags of advice hours")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}: {numbers.hours_text(self.hours)} h"

    def hours_used(self):
        return numbers.hours(
            AdviceSession.objects.filter(date__year=self.year).aggregate(total=Sum("hours"))[
                "total"
            ]
        )

    hours_used.short_description = _("hours used")

    def hours_left(self):
        return numbers.hours(self.hours) - self.hours_used()

    hours_left.short_description = _("hours left")


class AdviceRequest(ClusterableModel):
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="advice_requests",
    )
    requested_on = models.DateField(_("requested on"), default=datetime.date.today)
    topic = models.CharField(_("topic"), max_length=40, choices=Area.choices)
    summary = models.TextField(_("what the member asks"))
    preferred_format = models.CharField(
        _("preferred format"),
        max_length=20,
        choices=AdviceFormat.choices,
        default=AdviceFormat.ONLINE,
    )
    partner_organisation = models.CharField(
        _("partner organisation"),
        max_length=200,
        blank=True,
        help_text=_(
            "For joint advice, e.g. FETS or the Catalan federation of housing cooperatives."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AdviceStatus.choices, default=AdviceStatus.RECEIVED
    )
    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("Personal data.")
    )
    contact_email = models.EmailField(_("contact email"), blank=True, help_text=_("Personal data."))

    panels = [
        FieldRowPanel([FieldPanel("member"), FieldPanel("requested_on"), FieldPanel("status")]),
        FieldRowPanel(
            [
                FieldPanel("topic"),
                FieldPanel("preferred_format"),
                FieldPanel("partner_organisation"),
            ]
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")])],
            heading=_("Contact (personal data)"),
        ),
        InlinePanel("sessions", label=_("hours spent")),
    ]

    class Meta:
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        ordering = ["-requested_on"]

    def __str__(self):
        return f"{self.member} · {self.get_topic_display()} · {self.requested_on:%Y-%m-%d}"

    def hours_spent(self):
        return numbers.hours(sum((session.hours for session in self.sessions.all()), Decimal(0)))

    hours_spent.short_description = _("hours spent")


class AdviceSession(models.Model):
    """Hours spent on a request on one day; they count against that year's bag."""

    request = ParentalKey(AdviceRequest, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(24)],
    )
    adviser = models.CharField(
        _("adviser"),
        max_length=200,
        blank=True,
        help_text=_("Who gave the advice (network staff or partner)."),
    )
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("hours"), FieldPanel("adviser")]),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("advice session")
        verbose_name_plural = _("advice sessions")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {numbers.hours_text(self.hours)} h"
