"""What is missing in each language: the *Missing translations* report (Reports menu).

wagtail-localize's own report lists the translations that exist. This one
lists, section by section, the live source-language pages that have **no page** in
a language (never translated, or only a live alias of the source), and the
translations **older than their source** (the source was published after its
text was last sent for translation), each with the action that fixes it:
*Translate this page* or *Sync translated pages*.

A translation's state is decided by ``publishing.translations`` (the same
states the page's status panel shows); this module only gathers the data for
every page at once, in a fixed number of queries.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .translations import NOT_STARTED, TranslationState, _language_order, _state

MISSING = "missing"
OUTDATED = "outdated"
PROBLEMS = {MISSING: _("No page in this language"), OUTDATED: _("Older than its source")}

# The home page is depth 2; its children are the site's sections.
SECTION_DEPTH = 3


@dataclass(frozen=True)
class Gap:
    """One page that lacks, or has an outdated, version in one language."""

    section: str
    source: Page
    locale: Locale
    problem: str
    state: TranslationState
    action_url: str

    @property
    def problem_label(self):
        return PROBLEMS[self.problem]

    @property
    def action_label(self):
        return _("Translate this page") if self.problem == MISSING else _("Sync translated pages")


def target_locales():
    """The languages translated into: every locale but the default one, in the site's order."""
    return sorted(Locale.objects.exclude(pk=Locale.get_default().pk), key=_language_order)


def gaps(language_code=None):
    """Every gap of the site, section by section, in tree order; optionally for one language."""
    source_locale = Locale.get_default()
    locales = [
        locale
        for locale in target_locales()
        if language_code is None or locale.language_code == language_code
    ]
    sources = list(
        Page.objects.filter(
            locale=source_locale, depth__gt=1, alias_of__isnull=True, live=True
        ).order_by("path")
    )
    keys = [page.translation_key for page in sources]
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales)
    }
    translation_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__in=translation_sources.values(), target_locale__in=locales, enabled=True
        ).select_related("source")
    }
    sections = dict(
        Page.objects.filter(depth=SECTION_DEPTH, locale=source_locale).values_list("path", "title")
    )
    found = []
    for page in sources:
        section = sections.get(page.path[: Page.steplen * SECTION_DEPTH], "")
        for locale in locales:
            target = targets.get((page.translation_key, locale.pk))
            translation = translations.get((page.translation_key, locale.pk))
            state = _state(locale, target, translation)
            if state.status == NOT_STARTED:
                found.append(
                    Gap(
                        section,
                        page,
                        locale,
                        MISSING,
                        state,
                        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                    )
                )
            elif _is_outdated(page, target, translation_sources.get(page.translation_key)):
                found.append(
                    Gap(
                        section,
                        page,
                        locale,
                        OUTDATED,
                        state,
                        _sync_url(page, translation_sources.get(page.translation_key)),
                    )
                )
    return found


def _is_outdated(page, target, translation_source):
    """The source was published after its text was last taken for translation.

    A page translated by hand, outside wagtail-localize, is compared by publication dates.
    """
    if page.last_published_at is None:
        return False
    if translation_source is not None:
        return page.last_published_at > translation_source.last_updated_at
    published = target.last_published_at
    return published is not None and page.last_published_at > published


def _sync_url(page, translation_source):
    if translation_source is None:
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return reverse("wagtail_localize:update_translations", args=[translation_source.pk])


def may_translate(user):
    """Who sees the report: those who may submit translations (the secretariat)."""
    return user.has_perm("wagtail_localize.submit_translation")


class MissingTranslationsView(WagtailAdminTemplateMixin, TemplateView):
    """The report; its links lead to wagtail-localize's views, which check the same permission."""

    template_name = "publishing/missing_translations.html"
    page_title = _("Missing translations")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        if not may_translate(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = target_locales()
        language = self.request.GET.get("language", "")
        if language not in {locale.language_code for locale in locales}:
            language = ""
        context.update(gaps=gaps(language or None), locales=locales, language=language)
        return context
