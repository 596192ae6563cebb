"""A search's parameters: read from the query string by ``search.filters`` (strict only
for ``page`` and ``per_page``, which answer 400) and written back into facet links.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings

from .filters import PER_PAGE_CHOICES, SearchFilter

ALL_LANGUAGES = "all"


class InvalidParameter(ValueError):
    """A parameter we cannot interpret (only ``page`` and ``per_page`` are strict)."""


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@dataclass
class SearchParams:
    q: str = ""
    lang: str = field(default_factory=lambda: settings.LANGUAGE_CODE)
    types: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    years: list = field(default_factory=list)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE_CHOICES[0]
    # The visitor's language: preferred in the ranking when searching all languages.
    interface_language: str = field(default_factory=lambda: settings.LANGUAGE_CODE)

    @classmethod
    def from_query(cls, data, current_language):
        form = SearchFilter(data).form
        if not form.is_valid():
            raise InvalidParameter("page" if "page" in form.errors else "per_page")
        values = form.cleaned_data
        lang = values["lang"]
        if lang != ALL_LANGUAGES and lang not in content_languages():
            if current_language in content_languages():
                lang = current_language
            else:
                lang = settings.LANGUAGE_CODE
        return cls(
            q=values["q"],
            lang=lang,
            types=values["type"],
            topics=values["topic"],
            groups=values["group"],
            years=values["year"],
            sort=values["sort"],
            page=values["page"],
            per_page=values["per_page"],
            interface_language=current_language,
        )

    @property
    def languages(self):
        return content_languages() if self.lang == ALL_LANGUAGES else [self.lang]

    def query_items(self, **overrides):
        values = {
            "q": self.q,
            "lang": self.lang,
            "type": self.types,
            "topic": self.topics,
            "group": self.groups,
            "year": self.years,
            "sort": self.sort,
            "per_page": self.per_page,
            "page": self.page,
        }
        values.update(overrides)
        items = []
        for key, value in values.items():
            if key == "page" and value == 1:
                continue
            if key == "sort" and value == "relevance":
                continue
            if key == "per_page" and value == PER_PAGE_CHOICES[0]:
                continue
            for item in value if isinstance(value, list) else [value]:
                if item not in ("", None):
                    items.append((key, item))
        return items

    def url(self, **overrides):
        return "?" + urlencode(self.query_items(**overrides))

    def toggled(self, name, value):
        """The URL with ``value`` added to or removed from filter ``name`` (page reset)."""
        attr = {"type": "types", "topic": "topics", "group": "groups", "year": "years"}[name]
        current = list(getattr(self, attr))
        current = [v for v in current if v != value] if value in current else current + [value]
        return self.url(**{name: current, "page": 1})
