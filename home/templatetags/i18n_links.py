"""Language switcher and hreflang alternates.

For a Wagtail page, each language links to that page's live translation, or to
that language's home page when there is none. For any other view, the same
path under the other language's prefix.
"""

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page

from operations.public_snapshot import once_per_public_change
from publishing.visibility import public_among, public_pages

register = template.Library()


def _live_translations(request, page):
    """Live pages, in every language, of the site root and of ``page``.

    Both kept until the public view changes (``operations.public_snapshot``): a
    page's translations change only when one is published, unpublished or moved.
    """
    from wagtail.models import Site

    site = Site.find_for_request(request)
    root_key = site.root_page.translation_key if site is not None else None
    page_key = getattr(page, "translation_key", None)

    def live_translations(key):
        return list(Page.objects.filter(translation_key=key).live().select_related("locale"))

    homes = {}
    if root_key:
        root_pages = once_per_public_change(
            ("live_translations", root_key), lambda: live_translations(root_key)
        )
        homes = {p.locale.language_code: p for p in root_pages}
    translations = {}
    if page_key:
        pages = (
            root_pages
            if page_key == root_key
            else once_per_public_change(
                ("live_translations", page_key), lambda: live_translations(page_key)
            )
        )
        translations = {p.locale.language_code: p for p in public_among(pages)}
    return homes, translations


def active_home_page(request, page=None):
    """The site's home page in the active language (the site root when it has none)."""
    from wagtail.models import Site

    homes, _translations = _live_translations(request, page)
    home = homes.get(translation.get_language())
    if home is None:
        site = Site.find_for_request(request)
        home = site.root_page if site is not None else None
    return home


def menu_pages(home):
    """The public in-menu children of a home page, in tree order: the menu and the home
    page's "Explore" list, kept until the public view changes."""

    def compute():
        return list(
            public_pages(home.get_children().in_menu())
            .only("id", "title", "url_path", "path", "depth", "locale_id", "search_description")
            .order_by("path")
        )

    return once_per_public_change(("menu_pages", home.pk), compute)


@lru_cache(maxsize=1024)
def _translated_path(path, code):
    """``translate_url`` of a view's path (it resolves and reverses the URL: the same
    answer for every request; the query string is added back as it came)."""
    return translate_url(path, code)


def language_links(request, page=None):
    current = translation.get_language()
    homes, translations = _live_translations(request, page)
    if page is None or not getattr(page, "translation_key", None):
        translations = {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        is_translation = target is not None
        if target is not None:
            url = target.get_url(request)
        elif page is None:
            path, separator, query = request.get_full_path().partition("?")
            url = _translated_path(path, code) + separator + query
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
        memo[key] = (
            language_links(request, page)
            if page is None
            else _kept_page_language_links(request, page)
        )
    return memo[key]


def _kept_page_language_links(request, page):
    """A page's language links, kept until the public view changes: they depend only on
    its live translations, the site and the active language (not on the request's path)."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return once_per_public_change(
        (
            "language_links",
            page.translation_key,
            getattr(site, "pk", None),
            translation.get_language(),
        ),
        lambda: language_links(request, page),
        per_item=True,
    )


@register.simple_tag
def default_language():
    return settings.LANGUAGE_CODE
