"""Who the members are: the directory the secretariat keeps.

Personal data (contact people, the elected official's name) lives here but is
only reachable in the admin, through permissions given to the secretariat
alone. Members are neither revisioned nor in the search index on purpose: either would
keep a copy of personal data that an erasure request must remove.
"""

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable

from .choices import COUNTY_CHOICES, MemberKind, MemberStatus, PopulationBand


def source_language_groups():
    """Members join a working group once, through its page in the default language."""
    return {"locale": Locale.get_default()}


class MemberQuerySet(models.QuerySet):
    def published(self):
        """Members shown in the public directory: they agreed, and they are still members."""
        return self.filter(publish_in_directory=True).exclude(status=MemberStatus.LEFT)


class Member(ClusterableModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=MemberKind.choices, default=MemberKind.TOWN_COUNCIL
    )
    county = models.CharField(_("county"), max_length=40, choices=COUNTY_CHOICES)
    population_band = models.CharField(
        _("population band"), max_length=20, choices=PopulationBand.choices, blank=True
    )
    date_joined = models.DateField(_("date joined"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.ONBOARDING
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Public link shown in the directory.")
    )
    elected_official = models.CharField(
        _("elected official"),
        max_length=200,
        blank=True,
        help_text=_(
            "Name and office of the member's elected official for the network. Personal data."
        ),
    )
    working_groups = ParentalManyToManyField(
        "groups.WorkingGroupPage",
        verbose_name=_("working groups"),
        blank=True,
        related_name="+",
        limit_choices_to=source_language_groups,
    )
    publish_in_directory = models.BooleanField(
        _("consents to publication in the directory"),
        default=False,
        help_text=_("Only then are its name, county, working groups and website public."),
    )
    notes = models.TextField(_("internal notes"), blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased on"), null=True, blank=True, editable=False
    )

    objects = MemberQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("county"), FieldPanel("population_band")]),
        FieldRowPanel([FieldPanel("date_joined"), FieldPanel("website")]),
        FieldPanel("working_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("publish_in_directory"),
        MultiFieldPanel(
            [
                FieldPanel("elected_official"),
                InlinePanel("contact_people", label=_("contact person")),
            ],
            heading=_("People (personal data)"),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["name"]
        permissions = [
            ("export_personal_data", _("Can export a member's personal data")),
            ("erase_personal_data", _("Can erase a member's personal data")),
        ]

    def __str__(self):
        return self.name


class ContactPerson(Orderable):
    """A person the secretariat talks to at a member. Never shown on the public site."""

    member = ParentalKey(Member, on_delete=models.CASCADE, related_name="contact_people")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name
