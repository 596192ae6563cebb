"""The library's facets, with django-filter: a GET form whose state lives in the URL.

Topics and working groups are matched by translation key, so a filter chosen on
the Catalan library means the same on the Spanish one; every facet's choices
come from one query each, whatever the number of items.
"""

import django_filters

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from listing.widgets import FacetSelect
from operations.public_snapshot import once_per_public_change
from publishing.visibility import public_pages
from taxonomy.models import Topic

from .models.base import KnowledgeAttachment, KnowledgeKind, KnowledgePage, current_items
from .working_groups import WORKING_GROUP_CONTENT_TYPE

SORT_ORDERS = {
    "newest": (F("publication_date").desc(nulls_last=True), "title"),
    "oldest": (F("publication_date").asc(nulls_last=True), "title"),
    "title": ("title",),
}


def _choices(locale):
    """The facets' choices: the topics, working groups and years of the library of ``locale``."""
    return {
        "topics": {
            topic.slug: topic for topic in Topic.objects.filter(locale=locale).order_by("name")
        },
        "groups": {
            group.slug: group
            for group in public_pages(
                Page.objects.filter(locale=locale, **WORKING_GROUP_CONTENT_TYPE)
            )
            .order_by("title")
            .only("slug", "title", "translation_key")
        },
        "years": [
            (str(date.year), str(date.year))
            for date in current_items(locale.pk).dates("publication_date", "year", order="DESC")
        ],
    }


class LibraryFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        widget=FacetSelect,
        label=_("Kind"),
        choices=KnowledgeKind.choices,
        empty_label=_("All kinds"),
    )
    topic = django_filters.ChoiceFilter(
        widget=FacetSelect, label=_("Topic"), method="filter_topic", empty_label=_("All topics")
    )
    group = django_filters.ChoiceFilter(
        widget=FacetSelect,
        label=_("Working group"),
        method="filter_group",
        empty_label=_("All working groups"),
    )
    year = django_filters.ChoiceFilter(
        widget=FacetSelect,
        label=_("Year"),
        field_name="publication_date",
        lookup_expr="year",
        empty_label=_("All years"),
    )
    language = django_filters.ChoiceFilter(
        widget=FacetSelect,
        label=_("Language of the files"),
        choices=settings.LANGUAGES,
        method="filter_language",
        empty_label=_("Any language"),
    )
    sort = django_filters.ChoiceFilter(
        widget=FacetSelect,
        label=_("Sort by"),
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("title", _("Title (A–Z)")),
        ],
        method="sort_items",
        empty_label=None,
    )

    class Meta:
        model = KnowledgePage
        fields = []

    def __init__(self, data=None, *args, locale, **kwargs):
        super().__init__(data, *args, **kwargs)
        choices = once_per_public_change(
            ("knowledge:library-choices", locale.pk), lambda: _choices(locale)
        )
        self.topics_by_slug = choices["topics"]
        self.groups_by_slug = choices["groups"]
        self.filters["topic"].extra["choices"] = [
            (slug, t.name) for slug, t in self.topics_by_slug.items()
        ]
        self.filters["group"].extra["choices"] = [
            (slug, g.title) for slug, g in self.groups_by_slug.items()
        ]
        self.filters["year"].extra["choices"] = choices["years"]
        self.form.fields["sort"].initial = "newest"

    def filter_topic(self, queryset, name, value):
        return queryset.filter(topics__translation_key=self.topics_by_slug[value].translation_key)

    def filter_group(self, queryset, name, value):
        return queryset.filter(
            working_group__translation_key=self.groups_by_slug[value].translation_key
        )

    def filter_language(self, queryset, name, value):
        files_in_language = KnowledgeAttachment.objects.filter(
            page=OuterRef("pk"), document__language=value
        )
        return queryset.filter(Exists(files_in_language))

    def sort_items(self, queryset, name, value):
        return queryset.order_by(*SORT_ORDERS.get(value, SORT_ORDERS["newest"]))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*SORT_ORDERS["newest"])
        return queryset

    @property
    def is_filtered(self):
        """Whether any facet (not just the sort order) narrows the list."""
        return any(self.data.get(name) for name in self.filters if name != "sort")
