"""What the public may see, in one place.

Feeds, calendars, listings and bulletins all go through ``visible``: live, not
behind a view restriction, not scheduled for the future and not expired.
Wagtail keeps a page scheduled for later out of ``live()``; the date checks
below also hold when a row was changed outside the publishing actions.
"""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale, Page


def visible(queryset):
    now = timezone.now()
    return (
        queryset.live()
        .public()
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def in_active_locale(queryset):
    return queryset.filter(locale=Locale.get_active())


def localized_pages(pages, model=Page):
    """Map each page's translation key to its visible version in the active language,
    or to the page itself when it has no visible translation there. One query.

    Page references copied by wagtail-localize still point at the source
    language's page; this resolves them for display without a query per row.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    active = Locale.get_active()
    candidates = visible(
        model.objects.filter(translation_key__in={page.translation_key for page in pages})
    )
    candidates = candidates.filter(Q(locale=active) | Q(pk__in=[page.pk for page in pages]))
    result = {}
    for candidate in candidates:
        if candidate.translation_key not in result or candidate.locale_id == active.pk:
            result[candidate.translation_key] = candidate
    return result


def localized(page, model=Page):
    """The visible version of one page in the active language (or the page itself), or None."""
    if page is None:
        return None
    return localized_pages([page], model).get(page.translation_key)
