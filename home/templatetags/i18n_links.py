"""Language switcher and hreflang alternates.

For a Wagtail page, each language links to that page's live translation, or to
that language's home page when there is none. For any other view, the same
path under the other language's prefix.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page

from publishing.visibility import public_pages

register = template.Library()


def _home_pages_by_language(request):
    cache = getattr(request, "_home_pages_by_language", None)
    if cache is None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        cache = {}
        if site is not None:
            for home in (
                Page.objects.filter(translation_key=site.root_page.translation_key)
                .live()
                .select_related("locale")
            ):
                cache[home.locale.language_code] = home
        request._home_pages_by_language = cache
    return cache


def language_links(request, page=None):
    current = translation.get_language()
    translations = {}
    if page is not None and getattr(page, "translation_key", None):
        for candidate in public_pages(
            Page.objects.filter(translation_key=page.translation_key)
        ).select_related("locale"):
            translations[candidate.locale.language_code] = candidate
    homes = _home_pages_by_language(request)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        is_translation = target is not None
        if target is not None:
            url = target.get_url(request)
        elif page is None:
            url = translate_url(request.get_full_path(), code)
            is_translation = True
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": is_translation,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def get_language_links(context):
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    key = ("language_links", getattr(page, "pk", None))
    memo = context.render_context
    if key not in memo:
        memo[key] = language_links(request, page)
    return memo[key]


@register.simple_tag
def default_language():
    return settings.LANGUAGE_CODE
