"""Working groups: an index of the network's groups and one section per group.

Each group's page is the root of its own section: the group's products (guides,
reports, workshop material) live beneath it, which is what scopes its
coordinators' permissions and the workflow (see ``groups.provisioning``).
"""

from modelcluster.fields import ParentalManyToManyField

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Collection, Page
from wagtail.search import index

from contentblocks.blocks import BodyBlock
from publishing.search_contract import SearchContract
from publishing.visibility import RestrictionsFromVisibility

from .listings import section_listings


class WorkingGroupIndexPage(SearchContract, RestrictionsFromVisibility, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    subpage_types = ["groups.WorkingGroupPage"]
    max_count_per_parent = 1

    content_date = None  # a listing has no date of its own

    class Meta:
        verbose_name = _("working group index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = (
            WorkingGroupPage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .prefetch_related("cover_image__renditions")
            .order_by("title")
        )
        context["active_groups"] = [g for g in groups if g.status != WorkingGroupPage.Status.CLOSED]
        context["closed_groups"] = [g for g in groups if g.status == WorkingGroupPage.Status.CLOSED]
        return context


class WorkingGroupPage(SearchContract, RestrictionsFromVisibility, Page):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    purpose = models.TextField(
        _("purpose"), help_text=_("What the group works on, in a few lines.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the group's page and in the list of groups; it is decorative."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=200,
        blank=True,
        help_text=_("For example: monthly online meetings."),
    )
    partner_organisations = models.TextField(
        _("partner organisations"), blank=True, help_text=_("One per line.")
    )
    # Plain text until the members app offers a register of municipalities to refer to.
    participating_municipalities = models.TextField(
        _("participating member municipalities"), blank=True, help_text=_("One per line.")
    )
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_working_groups",
        verbose_name=_("coordinators"),
        help_text=_(
            "People who may add and edit pages in this group's section and use its collection. "
            "They gain access when this page is published."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("meeting_rhythm"),
                FieldPanel("partner_organisations"),
                FieldPanel("participating_municipalities"),
            ],
            heading=_("How the group works"),
        ),
        # Only the secretariat chooses who coordinates: a coordinator cannot co-opt others.
        FieldPanel(
            "coordinators",
            widget=forms.CheckboxSelectMultiple,
            permission="groups.assign_coordinators",
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("purpose", boost=2),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["groups.WorkingGroupIndexPage"]
    # The group's products; its news and events live in the news section and point back to it.
    subpage_types = ["knowledge.GuidePage", "knowledge.PolicyDocumentPage", "home.StandardPage"]

    content_date = None  # a group's page is kept current: it has no date of its own

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        permissions = [("assign_coordinators", _("Can choose the coordinators of a working group"))]

    @property
    def partner_list(self):
        return _lines(self.partner_organisations)

    @property
    def municipality_list(self):
        return _lines(self.participating_municipalities)

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(section_listings(self))
        context["coordinator_names"] = self.coordinator_names()
        return context

    def coordinator_names(self):
        """Full names of the provisioned coordinators (shared by every language), nothing else."""
        access = WorkingGroupAccess.objects.filter(translation_key=self.translation_key).first()
        if access is None or access.coordinators_group is None:
            return []
        users = access.coordinators_group.user_set.filter(is_active=True).order_by(
            "last_name", "first_name"
        )
        return [name for name in (user.get_full_name() for user in users) if name]


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class WorkingGroupAccess(models.Model):
    """What provisioning made for one working group, in every language.

    Keyed by the pages' ``translation_key`` so that the Catalan, Spanish and
    English pages of a group share one coordinators' group and one collection,
    and so that renaming never loses the link (names are only labels).
    Kept outside the page because page fields are revisioned: publishing an
    old revision must not forget what was provisioned.
    """

    translation_key = models.UUIDField(unique=True)
    coordinators_group = models.OneToOneField(
        Group, null=True, on_delete=models.SET_NULL, related_name="working_group_access"
    )
    collection = models.OneToOneField(
        Collection, null=True, on_delete=models.SET_NULL, related_name="working_group_access"
    )

    class Meta:
        verbose_name = _("working group access")
        verbose_name_plural = _("working group access")

    def __str__(self):
        return (
            self.coordinators_group.name if self.coordinators_group else str(self.translation_key)
        )

    @property
    def pages(self):
        return WorkingGroupPage.objects.filter(translation_key=self.translation_key)
