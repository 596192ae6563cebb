"""Idempotent helpers for demo content.

Every helper creates what is missing and leaves what exists as it is, so that
``load_demo`` can run again on a site whose editors have changed things.

Texts are written once with their three languages, ``T(ca, es, en)``. Pages are
created in Catalan, then translated through wagtail-localize: the Catalan
strings become a translation source and the Spanish and English texts are
stored as its string translations, exactly as a translator working in the
admin would leave them.
"""

import html
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

TARGET_LANGUAGES = ("es", "en")


@dataclass(frozen=True)
class T:
    """A text in the three languages of the site."""

    ca: str
    es: str
    en: str

    def __str__(self):
        return self.ca

    def get(self, language_code):
        return getattr(self, language_code)


class Glossary:
    """Every demo text seen so far, so a Catalan string can be looked up in es/en."""

    def __init__(self):
        self._by_language = {code: {} for code in TARGET_LANGUAGES}

    def add(self, text):
        if isinstance(text, T):
            for code in TARGET_LANGUAGES:
                target = text.get(code)
                self._by_language[code][text.ca] = target
                self._by_language[code][html.escape(text.ca, quote=False)] = html.escape(
                    target, quote=False
                )
                self._by_language[code][slugify(text.ca)] = slugify(target)
        elif isinstance(text, list | tuple):
            for item in text:
                self.add(item)
        elif isinstance(text, dict):
            for item in text.values():
                self.add(item)
        return text

    def translate(self, source_text, language_code):
        return self._by_language[language_code].get(source_text)


glossary = Glossary()


def catalan(value):
    """Replace every ``T`` inside a value (lists, dicts, StreamField data) by its Catalan text."""
    if isinstance(value, T):
        glossary.add(value)
        return value.ca
    if isinstance(value, list):
        return [catalan(item) for item in value]
    if isinstance(value, tuple):
        return tuple(catalan(item) for item in value)
    if isinstance(value, dict):
        return {key: catalan(item) for key, item in value.items()}
    return value


def paragraphs(*texts):
    """Rich text made of plain paragraphs, each a ``T``; returns Catalan HTML."""
    glossary.add(list(texts))
    return "".join(f"<p>{html.escape(text.ca, quote=False)}</p>" for text in texts)


def ensure_locales():
    from django.conf import settings

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_page(parent, model, slug=None, *, title, **fields):
    """The live child of ``parent`` with this slug, created and published if missing.

    The slug defaults to the Catalan title's, so that its translations follow the
    translated titles; a slug given as a ``T`` is translated too.
    """
    slug = catalan(slug) or slugify(title.ca if isinstance(title, T) else title)
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(title=catalan(title), slug=slug, locale=parent.locale, **catalan(fields))
    glossary.add(title)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def translate_page(page):
    """Create or refresh the es and en translations of a Catalan page."""
    page = page.specific
    source, _ = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        changed = not Page.objects.filter(
            translation_key=page.translation_key, locale=locale
        ).exists()
        for segment in segments:
            target = glossary.translate(segment.string.data, code)
            if not target:
                continue
            _, was_written = _write_string_translation(segment, locale, target)
            changed = changed or was_written
        if changed:
            translation.save_target(publish=True)


def _write_string_translation(segment, locale, data):
    existing = StringTranslation.objects.filter(
        translation_of=segment.string, locale=locale, context=segment.context
    ).first()
    if existing is None:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
        return existing, True
    if existing.data != data:
        existing.data = data
        existing.save(update_fields=["data"])
        return existing, True
    return existing, False


def ensure_group(name):
    group, _ = Group.objects.get_or_create(name=name)
    return group


@dataclass
class DemoAccount:
    username: str
    password: str
    role: str


def ensure_user(
    username, password, *, role, email, first_name, last_name, groups=(), superuser=False
):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_staff=superuser,
            is_superuser=superuser,
        )
        user.set_password(password)
        user.save()
    for group in groups:
        user.groups.add(group)
    return user, DemoAccount(username=username, password=password, role=role)
