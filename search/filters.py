"""The search's query string, read with django-filter as the library and the news index
read theirs: the state lives in the URL (``q``, ``lang``, ``type``, ``topic``, ``group``,
``year``, ``sort``, ``page``, ``per_page``).

The filters are lenient: a value that means nothing (a topic that is not a number,
an unknown sort) is dropped and the search goes on. Only ``page`` and ``per_page``
are strict: the form is invalid and the views answer 400. The selected values are
applied by ``search.facets`` as conditions on the matches, so that each facet's
counts can ignore its own selection: this FilterSet reads the URL, and the search
never asks it for a queryset.
"""

import django_filters

from django import forms

from . import text
from .models import SearchEntry

PER_PAGE_CHOICES = (10, 20, 50)
SORTS = ("relevance", "date")
MAX_FILTER_VALUES = 20


def _type_keys(values):
    return [t for t in (text.clean(v)[:100] for v in values[:MAX_FILTER_VALUES]) if t]


def _ints(values):
    result = []
    for value in values[:MAX_FILTER_VALUES]:
        value = text.clean(value).strip()
        if value.isascii() and value.isdigit() and len(value) < 10:
            result.append(int(value))
    return result


def _positive(value):
    value = (value or "").strip() or "1"
    if not (value.isascii() and value.isdigit()) or len(value) > 9 or int(value) < 1:
        raise forms.ValidationError("not a whole number from 1", code="invalid")
    return int(value)


def _per_page(value):
    number = _positive(str(PER_PAGE_CHOICES[0]) if value is None else value)
    if number not in PER_PAGE_CHOICES:
        raise forms.ValidationError("not an offered number of results", code="invalid_choice")
    return number


class ReadField(forms.Field):
    """A form field that reads its value with ``read`` (which may raise ``ValidationError``)."""

    def __init__(self, *, read, **kwargs):
        self.read = read
        super().__init__(**{**kwargs, "required": False})

    def to_python(self, value):
        return self.read(value)


class ReadListField(ReadField):
    widget = forms.MultipleHiddenInput  # every value of a repeated parameter

    def to_python(self, value):
        return self.read(list(value or []))


class ReadFilter(django_filters.Filter):
    field_class = ReadField


class ReadListFilter(django_filters.Filter):
    field_class = ReadListField


class SearchFilter(django_filters.FilterSet):
    q = ReadFilter(read=text.display_query)
    lang = ReadFilter(read=lambda value: text.clean(value or "").strip())
    type = ReadListFilter(read=_type_keys)
    topic = ReadListFilter(read=_ints)
    group = ReadListFilter(read=_ints)
    year = ReadListFilter(read=_ints)
    sort = ReadFilter(read=lambda value: value if value in SORTS else SORTS[0])
    page = ReadFilter(read=_positive)
    per_page = ReadFilter(read=_per_page)

    class Meta:
        model = SearchEntry
        fields = []

    def get_form_class(self):
        """One form class for every search: django-filter builds a new class, with new
        fields, for each request; these fields hold no state of a request."""
        filterset_class = type(self)
        form_class = filterset_class.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            filterset_class._form_class = form_class
        return form_class
