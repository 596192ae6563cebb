"""Pages of the active language for news listings, feeds and calendars.

What is public is ``publishing.visibility.public_pages``'s answer; this module
only resolves page references to their version in the visitor's language.
"""

from django.db.models import Q

from wagtail.models import Page

from operations.request_memo import active_locale
from publishing.visibility import public_pages


def localized_pages(pages, model=Page):
    """Map each page's translation key to its visible version in the active language,
    or to the page itself when it has no visible translation there. One query.

    Page references copied by wagtail-localize still point at the source
    language's page; this resolves them for display without a query per row.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    active = active_locale()
    candidates = public_pages(
        model.objects.filter(translation_key__in={page.translation_key for page in pages})
    )
    candidates = candidates.filter(Q(locale=active) | Q(pk__in=[page.pk for page in pages]))
    result = {}
    for candidate in candidates:
        if candidate.translation_key not in result or candidate.locale_id == active.pk:
            result[candidate.translation_key] = candidate
    return result
