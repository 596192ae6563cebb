"""The newest guides and documents on the home page (see ``home_page_sections``)."""

from django.db.models import F

from wagtail import hooks

from operations.public_snapshot import once_per_public_change
from publishing.visibility import public_pages

from .models import LibraryPage
from .models.base import current_items

HOME_ITEMS_COUNT = 3


@hooks.register("home_page_sections")
def newest_in_the_library(request, home_page):
    items = once_per_public_change(
        ("knowledge:home_newest", home_page.locale_id),
        lambda: list(
            current_items(home_page.locale_id).order_by(
                F("publication_date").desc(nulls_last=True), "title"
            )[:HOME_ITEMS_COUNT]
        ),
    )
    if not items:
        return None
    return {
        "template": "knowledge/includes/home_section.html",
        "order": 10,
        "items": items,
        "library": once_per_public_change(
            ("knowledge:library", home_page.locale_id),
            lambda: public_pages(LibraryPage.objects.filter(locale_id=home_page.locale_id)).first(),
        ),
    }
