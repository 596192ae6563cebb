"""The news index's category filter, with django-filter as the library's facets are.

The state lives in the URL (``?category=press``); the index links each category
rather than showing a form, and an unknown category is a 404.
"""

import django_filters

from .choices import NewsCategory


class NewsFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(choices=NewsCategory.choices)
