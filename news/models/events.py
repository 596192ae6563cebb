"""Events and the agenda.

Start and end are aware datetimes entered and shown in Europe/Madrid (see
``news.timezones``). An all-day event keeps its dates only; its times are
ignored. Materials and minutes are documents attached after the event.
"""

import datetime

from modelcluster.fields import ParentalKey

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from contentblocks.blocks import BodyBlock
from listing.pagination import paginate
from news.calendars import calendar_response
from news.group_scope import GroupItemPage, GroupItemPageForm
from news.localization import localized_pages
from news.timezones import EVENT_TIME_ZONE, EventDateTimeField, event_local
from publishing.search_contract import SearchContract, SearchFacts
from publishing.visibility import RestrictionsFromVisibility, public_pages

from .workplan import WorkPlanMilestone, WorkPlanPage

PAST_EVENTS_PER_PAGE = 20


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventPageForm(GroupItemPageForm):
    """Reads start and end as Europe/Madrid wall-clock time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            if name in self.fields:
                old = self.fields[name]
                self.fields[name] = EventDateTimeField(
                    required=old.required,
                    label=old.label,
                    help_text=old.help_text,
                    widget=old.widget,
                )


def group_by_month(events):
    """[(first day of month, [events])], keeping the order given."""
    months = []
    for event in events:
        local = event.local_start
        month = datetime.date(local.year, local.month, 1)
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(event)
    return months


class AgendaPage(SearchContract, RestrictionsFromVisibility, Page):
    """Upcoming events, then past events by month (paginated), and the yearly work plans."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage", "news.WorkPlanPage"]

    content_date = None  # a listing has no date of its own

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        return public_pages(EventPage.objects.child_of(self)).select_related("organising_group")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        upcoming = list(self.events().filter(finishes_at__gt=now).order_by("start"))
        past = self.events().filter(finishes_at__lte=now).order_by("-start")
        past_page = paginate(request, past, PAST_EVENTS_PER_PAGE)
        past_events = list(past_page.object_list)
        groups = localized_pages([event.organising_group for event in upcoming + past_events])
        for event in upcoming + past_events:
            group = event.organising_group
            event.localized_group = groups.get(group.translation_key) if group else None
        context["upcoming_months"] = group_by_month(upcoming)
        context["past_months"] = group_by_month(past_events)
        context["past_page"] = past_page
        context["work_plans"] = public_pages(WorkPlanPage.objects.child_of(self)).order_by("-year")
        return context


class EventPage(SearchContract, RestrictionsFromVisibility, RoutablePageMixin, GroupItemPage):
    start = models.DateTimeField(
        _("starts"), help_text=_("Date and time in Catalonia (Europe/Madrid).")
    )
    end = models.DateTimeField(
        _("ends"),
        help_text=_(
            "Date and time in Catalonia (Europe/Madrid). Leave empty if it ends the same day."
        ),
        null=True,
        blank=True,
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The times are ignored; only the dates count.")
    )
    format = models.CharField(
        _("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    place = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("Venue and town. Required for in-person and hybrid events."),
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where to join online."))
    registration_url = models.URLField(_("registration link"), blank=True)
    organising_group = models.ForeignKey(
        "groups.WorkingGroupPage",
        verbose_name=_("organising working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    finishes_at = models.DateTimeField(editable=False, null=True, db_index=True)
    lead = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in the agenda and the calendar.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("place"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("Where and how to take part"),
        ),
        PageChooserPanel("organising_group", "groups.WorkingGroupPage"),
        FieldPanel("lead"),
        FieldPanel("body"),
        InlinePanel(
            "documents",
            label=_("Materials and minutes"),
            help_text=_("Attach the materials and the minutes once the event has taken place."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("start"),
        index.FilterField("format"),
        index.FilterField("organising_group"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["news.AgendaPage"]
    subpage_types = []
    group_field = "organising_group"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.all_day:
            self.start = _local_midnight(event_local(self.start).date())
            if self.end:
                self.end = _local_midnight(event_local(self.end).date())
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not self.place.strip():
            errors["place"] = _("Say where an in-person or hybrid event takes place.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.finishes_at = self._compute_finishes_at()
        return super().save(*args, **kwargs)

    def _compute_finishes_at(self):
        """When the event is over: the end, or for all-day events midnight after the last day."""
        if not self.start:
            return None
        if self.all_day:
            last_day = event_local(self.end or self.start).date()
            return _local_midnight(last_day + datetime.timedelta(days=1))
        return self.end or self.start

    @property
    def content_date(self):
        """The day it starts, in Catalonia (search, cards and feeds)."""
        return self.local_start.date() if self.start else None

    def search_facts(self):
        return SearchFacts(date=self.content_date)

    time_zone = EVENT_TIME_ZONE  # templates show times in it: {% timezone event.time_zone %}

    @property
    def local_start(self):
        return event_local(self.start)

    @property
    def local_end(self):
        return event_local(self.end)

    @property
    def last_day(self):
        """The last calendar day of the event, in Catalonia."""
        return (self.local_end or self.local_start).date()

    @property
    def is_multi_day(self):
        return self.last_day != self.local_start.date()

    @property
    def is_past(self):
        return self._compute_finishes_at() <= timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        group = self.organising_group
        context["organising_group"] = (
            localized_pages([group]).get(group.translation_key) if group else None
        )
        documents = list(self.documents.select_related("document"))
        context["materials"] = [row for row in documents if row.kind == "material"]
        context["minutes"] = [row for row in documents if row.kind == "minutes"]
        context["work_plan_milestones"] = self.fulfilled_milestones()
        context["ics_url"] = self.get_url(request) + self.reverse_subpage("ics")
        return context

    def fulfilled_milestones(self):
        return WorkPlanMilestone.objects.filter(
            fulfilled_by__translation_key=self.translation_key,
            locale=self.locale,
            plan__in=public_pages(WorkPlanPage.objects.all()),
        ).select_related("plan")

    @path("ics/", name="ics")
    def ics(self, request):
        """This event alone, as an iCalendar file to add to a calendar."""
        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")


def _local_midnight(day):
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=EVENT_TIME_ZONE)


class EventDocument(Orderable):
    """A document attached to an event: material shown or handed out, or the minutes."""

    KIND_CHOICES = [("material", _("Material")), ("minutes", _("Minutes"))]

    event = ParentalKey("news.EventPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default="material")

    panels = [FieldPanel("document"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("material or minutes")
        verbose_name_plural = _("materials and minutes")
