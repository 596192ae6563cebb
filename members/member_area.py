"""The members' public pages in the visitor's language, which the footer and home page link to."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language

from wagtail.models import Page

from operations.public_snapshot import once_per_public_change
from publishing.visibility import public_pages

from .models import MemberDirectoryPage, NeedsQuestionnairePage


def member_area_pages():
    """The needs questionnaire and the member directory of the active language, when public.

    One query for both, kept until the public view changes (they are on every page,
    in the footer).
    """
    return once_per_public_change(("member_area_pages", get_language()), _member_area_pages)


def _member_area_pages():
    types = {
        ContentType.objects.get_for_model(model).pk: name
        for name, model in (
            ("questionnaire", NeedsQuestionnairePage),
            ("directory", MemberDirectoryPage),
        )
    }
    pages = public_pages(
        Page.objects.filter(locale__language_code=get_language(), content_type_id__in=types)
    ).order_by("path")
    found = {"questionnaire": None, "directory": None}
    for page in pages:
        found[types[page.content_type_id]] = found[types[page.content_type_id]] or page
    return found
