"""One live, public example of every kind of public page, in every language.

Used after a deploy (``manage.py sample_pages``) and by the site-wide tests
(accessibility, HTML validity, query counts) so that a new page type or a new
language-prefixed view is checked without anyone listing it by hand.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from wagtail.models import Locale, Page

from publishing.visibility import public_pages


@dataclass(frozen=True)
class Sample:
    kind: str  # "app_label.ModelName" for a page, "view:<url name>" for a view
    language: str
    path: str
    page_id: int | None = None


def page_samples():
    """The first live, public page (in tree order) of each page class in each locale."""
    samples = []
    for locale in Locale.objects.order_by("language_code"):
        seen = set()
        pages = (
            public_pages(Page.objects.filter(locale=locale))
            .select_related("content_type")
            .order_by("path")
        )
        for page in pages:
            kind = f"{page.content_type.app_label}.{page.content_type.model_class().__name__}"
            if kind in seen:
                continue
            url = page.get_url()
            if not url:
                continue
            seen.add(kind)
            samples.append(Sample(kind, locale.language_code, url, page.pk))
    return samples


def _named_patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def _is_wagtails(pattern):
    module = getattr(pattern, "urlconf_module", None)
    return getattr(module, "__name__", "").startswith("wagtail.")


def _language_prefixed_patterns():
    """The project apps' patterns under the language prefix (Wagtail's serve the pages)."""
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            yield from (inner for inner in pattern.url_patterns if not _is_wagtails(inner))


def view_samples(languages):
    """Every language-prefixed view of the project apps that takes no argument."""
    samples = []
    for name in sorted(set(_named_patterns(_language_prefixed_patterns()))):
        for language in languages:
            with translation.override(language):
                try:
                    path = reverse(name)
                except NoReverseMatch:
                    continue
            samples.append(Sample(f"view:{name}", language, path))
    return samples


def all_samples():
    languages = list(
        Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    )
    return page_samples() + view_samples(languages)
