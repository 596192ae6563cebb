"""The news index, news pages and bulletins (newsletters).

A bulletin is a news page of the category "bulletin" that also gathers chosen
news and events of a period, so the index, the feeds and the search list news,
press releases and bulletins together, by date, with one query.
"""

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from contentblocks.blocks import BodyBlock
from listing.pagination import paginate_kept
from news.choices import NewsCategory
from news.filters import NewsFilter
from news.group_scope import GroupItemPage, GroupItemPageForm
from news.localization import localized_pages
from news.panels import SectionInlinePanel
from operations.public_snapshot import once_per_public_change
from operations.request_memo import active_locale
from publishing.search_contract import SearchContract, SearchFacts
from publishing.visibility import RestrictionsFromVisibility, public_pages
from taxonomy.models import Topic

from .events import EventPage

NEWS_PER_PAGE = 12


class NewsIndexPage(SearchContract, RestrictionsFromVisibility, Page):
    """The list of news, press releases and bulletins, filterable by category."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage", "news.BulletinPage"]

    content_date = None  # a listing has no date of its own

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        return (
            public_pages(NewsPage.objects.child_of(self))
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = NewsFilter(request.GET, queryset=self.news_items())
        if not filterset.is_valid():
            raise Http404(_("There is no such news category."))
        category = filterset.form.cleaned_data.get("category") or ""
        context["news_page"] = paginate_kept(
            request, ("news:index", self.pk, category), lambda: filterset.qs, NEWS_PER_PAGE
        )
        context["categories"] = NewsCategory.choices
        context["current_category"] = category
        return context


class NewsPage(SearchContract, RestrictionsFromVisibility, GroupItemPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=10, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    lead = models.TextField(
        _("lead"), help_text=_("One or two sentences shown in lists, feeds and bulletins.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty if it is decorative."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    related_group = models.ForeignKey(
        "groups.WorkingGroupPage",
        verbose_name=_("related working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )
    tags = ClusterTaggableManager(through="news.NewsPageTag", blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("category")], heading=_("Publication")),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                PageChooserPanel("related_group", "groups.WorkingGroupPage"),
                InlinePanel("topics", label=_("Topics")),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
        index.FilterField("related_group"),
    ]

    base_form_class = GroupItemPageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    group_field = "related_group"

    is_bulletin = False

    @property
    def content_date(self):
        """The item's date (search, cards and feeds), never the day it was loaded."""
        return self.date

    def search_facts(self):
        return SearchFacts(
            date=self.content_date, topic_ids=tuple(row.topic_id for row in self.topics.all())
        )

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.category == NewsCategory.BULLETIN and not self.is_bulletin:
            raise ValidationError(
                {
                    "category": _(
                        "To publish a bulletin, add a bulletin page instead of a news item."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.localized_topics()
        context["related_group"] = (
            localized_pages([self.related_group]).get(self.related_group.translation_key)
            if self.related_group
            else None
        )
        context["news_index"] = self.get_parent()
        return context

    def localized_topics(self):
        """The page's topics in the active language; a live page's kept per public change."""
        rows = self.topics.all()
        if not isinstance(rows, QuerySet):  # a preview's topics, in memory
            return _localized_topics([row.topic for row in rows])
        return once_per_public_change(
            ("news:topics", self.pk, get_language()),
            lambda: _localized_topics([row.topic for row in rows.select_related("topic")]),
            per_item=True,
        )


def _localized_topics(topics):
    """Topics in the active language; rows keep pointing at the source language's topics."""
    if not topics:
        return []
    translated = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(
            translation_key__in=[topic.translation_key for topic in topics],
            locale=active_locale(),
        )
    }
    return [translated.get(topic.translation_key, topic) for topic in topics]


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageTopic(Orderable):
    """A topic of the controlled vocabulary given to a news item (copied as-is to translations)."""

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        "taxonomy.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        unique_together = [("page", "topic")]


class BulletinPage(RoutablePageMixin, NewsPage):
    """A bulletin: chosen news and events of a period, on the web and as an email."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("period_start"), FieldPanel("period_end")],
            heading=_("Publication and period"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body", heading=_("Editorial")),
        SectionInlinePanel(
            "chosen_news",
            label=_("News in this bulletin"),
            chooser_field="news",
            section="news.NewsIndexPage",
        ),
        SectionInlinePanel(
            "chosen_events",
            label=_("Events in this bulletin"),
            chooser_field="event",
            section="news.AgendaPage",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("related_group", "groups.WorkingGroupPage"),
                InlinePanel("topics", label=_("Topics")),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
    ]

    subpage_types = []
    is_bulletin = True
    coordinators_write = False  # the secretariat's newsletter

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def save(self, *args, **kwargs):
        self.category = NewsCategory.BULLETIN
        return super().save(*args, **kwargs)

    def clean(self):
        self.category = NewsCategory.BULLETIN
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    def visible_news(self):
        """The chosen news the public may see, in the active language, in the editor's order."""
        chosen = [row.news for row in self.chosen_news.select_related("news")]
        found = localized_pages(chosen, NewsPage)
        return [found[page.translation_key] for page in chosen if page.translation_key in found]

    def visible_events(self):
        chosen = [row.event for row in self.chosen_events.select_related("event")]
        found = localized_pages(chosen, EventPage)
        events = [found[page.translation_key] for page in chosen if page.translation_key in found]
        return sorted(events, key=lambda event: event.start)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bulletin_news"] = self.visible_news()
        context["bulletin_events"] = self.visible_events()
        # Absolute links from the request's host: the email is read outside the site.
        for item in context["bulletin_news"] + context["bulletin_events"]:
            item.absolute_url = request.build_absolute_uri(item.get_url(request))
        context["web_url"] = request.build_absolute_uri(self.get_url(request))
        context["email_url"] = self.get_url(request) + self.reverse_subpage("email")
        return context

    @path("email/", name="email")
    def email(self, request):
        """The same bulletin as an email: tables and inline styles that mail clients understand."""
        response = self.render(request, template="news/bulletin_email.html")
        # Mail clients need inline styles; only this response allows them (django-csp reads this).
        response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response


class BulletinNews(Orderable):
    bulletin = ParentalKey(
        "news.BulletinPage", on_delete=models.CASCADE, related_name="chosen_news"
    )
    news = models.ForeignKey(
        "news.NewsPage", verbose_name=_("news item"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("news", "news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("news in a bulletin")


class BulletinEvent(Orderable):
    bulletin = ParentalKey(
        "news.BulletinPage", on_delete=models.CASCADE, related_name="chosen_events"
    )
    event = models.ForeignKey(
        "news.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("event", "news.EventPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("event in a bulletin")
