"""The members' public pages in the visitor's language, which the footer and home page link to."""

from wagtail.models import Locale

from publishing.visibility import public_pages

from .models import MemberDirectoryPage, NeedsQuestionnairePage


def member_area_pages():
    """The needs questionnaire and the member directory of the active language, when public."""
    locale = Locale.get_active()
    return {
        "questionnaire": public_pages(NeedsQuestionnairePage.objects.filter(locale=locale)).first(),
        "directory": public_pages(MemberDirectoryPage.objects.filter(locale=locale)).first(),
    }
