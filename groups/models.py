"""Working groups: an index of the network's groups and one section per group.

Each group's page is the root of its own section: the group's products (guides,
reports, workshop material) live beneath it, which is what scopes its
coordinators' permissions and the workflow (see ``groups.provisioning``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from contentblocks.blocks import BodyBlock


class WorkingGroupIndexPage(Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    subpage_types = ["groups.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working group index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = self.get_children().live().public().specific().order_by("title")
        context["active_groups"] = [g for g in groups if g.status != WorkingGroupPage.Status.CLOSED]
        context["closed_groups"] = [g for g in groups if g.status == WorkingGroupPage.Status.CLOSED]
        return context


class WorkingGroupPage(Page):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    purpose = models.TextField(_("purpose"), help_text=_("What the group works on, in a few lines."))
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
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("meeting_rhythm"), FieldPanel("partner_organisations")],
            heading=_("How the group works"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("purpose", boost=2),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["groups.WorkingGroupIndexPage"]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    @property
    def partner_list(self):
        return [line.strip() for line in self.partner_organisations.splitlines() if line.strip()]
