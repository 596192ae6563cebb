"""A search's parameters: parsed from the query string (strict only for ``page`` and
``per_page``, which answer 400) and written back into result and facet links.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings

from . import text

PER_PAGE_CHOICES = (10, 20, 50)
SORTS = ("relevance", "date")
ALL_LANGUAGES = "all"
MAX_FILTER_VALUES = 20


class InvalidParameter(ValueError):
    """A parameter we cannot interpret (only ``page`` and ``per_page`` are strict)."""


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _ints(values):
    result = []
    for value in values[:MAX_FILTER_VALUES]:
        value = text.clean(value).strip()
        if value.isascii() and value.isdigit() and len(value) < 10:
            result.append(int(value))
    return result


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
        lang = text.clean(data.get("lang", "")).strip()
        if lang != ALL_LANGUAGES and lang not in content_languages():
            if current_language in content_languages():
                lang = current_language
            else:
                lang = settings.LANGUAGE_CODE
        sort = data.get("sort", "relevance")
        params = cls(
            q=text.display_query(data.get("q", "")),
            lang=lang,
            types=[
                t
                for t in (text.clean(v)[:100] for v in data.getlist("type")[:MAX_FILTER_VALUES])
                if t
            ],
            topics=_ints(data.getlist("topic")),
            groups=_ints(data.getlist("group")),
            years=_ints(data.getlist("year")),
            sort=sort if sort in SORTS else "relevance",
            interface_language=current_language,
        )
        params.page = cls._positive(data.get("page", "1"), "page")
        per_page = cls._positive(data.get("per_page", str(PER_PAGE_CHOICES[0])), "per_page")
        if per_page not in PER_PAGE_CHOICES:
            raise InvalidParameter("per_page")
        params.per_page = per_page
        return params

    @staticmethod
    def _positive(value, name):
        value = (value or "").strip() or "1"
        if not (value.isascii() and value.isdigit()) or len(value) > 9 or int(value) < 1:
            raise InvalidParameter(name)
        return int(value)

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
