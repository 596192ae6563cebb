"""A translation stays out of public view until someone publishes it.

wagtail-localize creates the new language's page as soon as a page is
submitted for translation, filled with the source's text until translators
replace it. Three pieces keep that page unpublished until its *Publish* button
is pressed in the translation editor:

* ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` (settings): the new
  page is saved as a draft instead of copying the source's live status.
* ``translate_missing_ancestors``: when a parent has no page in the new
  language, wagtail-localize would create it as an *alias*, a live copy of the
  Catalan parent at the new language's URL; translating the parents first, as
  drafts, avoids that (the submit view in ``publishing.views`` calls it).
* The "Sync translated pages" view in ``publishing.views`` has no "Publish
  immediately": synced text waits in the translation editor.

``translation_states`` tells editors, on the source page, where each
language's translation stands; ``source_page`` picks, among one page's
translations, the one whose fields govern them all.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

NOT_STARTED = "not-started"
IN_PROGRESS = "in-progress"
COMPLETE = "complete"
PUBLISHED = "published"


def translate_missing_ancestors(page, locales, user):
    """Submit, as drafts, the ancestors of ``page`` that have no page in each locale.

    Top-down, so that each new page finds its translated parent and no alias is made.
    """
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
    for locale in locales:
        present = set(
            Page.objects.filter(
                locale=locale, translation_key__in=[a.translation_key for a in ancestors]
            ).values_list("translation_key", flat=True)
        )
        for ancestor in ancestors:
            if ancestor.translation_key not in present:
                translate_object(ancestor, [locale], user=user)


@dataclass(frozen=True)
class TranslationState:
    """Where one language's translation of a page stands."""

    locale: Locale
    status: str
    percent: int | None = None
    page: Page | None = None

    @property
    def label(self):
        if self.status == NOT_STARTED:
            return _("Not started")
        if self.status == PUBLISHED:
            return _("Published")
        if self.status == COMPLETE:
            return _("Complete, not published")
        if self.percent is None:
            return _("In progress")
        return _("In progress (%(percent)s%% translated)") % {"percent": self.percent}


def source_page(translations):
    """Of one page's translations, the one in the default language, else the oldest.

    The source governs what is shared by every language (a working group's
    coordinators, collection and permissions; its dashboard panel).
    """
    default_locale_id = Locale.get_default().pk
    return next(
        (page for page in translations if page.locale_id == default_locale_id),
        min(translations, key=lambda page: page.pk),
    )


def _language_order(locale):
    codes = list(get_content_languages())
    return codes.index(locale.language_code) if locale.language_code in codes else len(codes)


def translation_states(page):
    """The state of every other language's translation of a source page, in the site's order.

    Empty for an unsaved page and for a page that is itself a translation (the
    translation editor shows its own progress). Progress comes from
    wagtail-localize (``Translation.get_progress``); a page translated by hand,
    outside wagtail-localize, is published or in progress by its live status.
    """
    if not page.pk:
        return []
    translations = {
        translation.target_locale_id: translation
        for translation in Translation.objects.filter(
            source__object_id=page.translation_key, enabled=True
        )
    }
    if page.locale_id in translations:
        return []
    targets = {
        target.locale_id: target
        for target in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    }
    states = []
    for locale in sorted(Locale.objects.exclude(pk=page.locale_id), key=_language_order):
        target = targets.get(locale.pk)
        states.append(_state(locale, target, translations.get(locale.pk)))
    return states


def _state(locale, target, translation):
    if target is None or target.alias_of_id:
        return TranslationState(locale, NOT_STARTED)
    if target.live:
        return TranslationState(locale, PUBLISHED, page=target)
    if translation is None:
        return TranslationState(locale, IN_PROGRESS, page=target)
    total, done = translation.get_progress()
    if done >= total:
        return TranslationState(locale, COMPLETE, 100, page=target)
    return TranslationState(locale, IN_PROGRESS, done * 100 // total, page=target)
