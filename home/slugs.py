"""Page addresses in plain ASCII, in every language.

An address with an accent (``/ca/noticies/butlletí-…/``) travels badly: it is
percent-encoded when copied, and whoever types it without the accent gets a
404. So every page's slug is transliterated: accents are dropped
(``anyascii``), the Catalan *punt volat* is folded first (``col·lectiu`` →
``collectiu``, not ``col-lectiu``), then Django's ``slugify`` keeps letters,
digits and hyphens.

New pages get such a slug whatever creates them (the admin, wagtail-localize,
copies, bulk loaders): ``ascii_slug_for_new_pages`` runs before every page is
first saved, and ``ascii_slug_on_publish`` when an editor publishes an
accented slug on an existing page. Pages saved before this rule keep working: ``manage.py
ascii_slugs`` renames them, and Wagtail's redirects app
(``WAGTAILREDIRECTS_AUTO_CREATE``, on by default) records a permanent redirect
from each old address when the renamed page is saved.
"""

import re

from anyascii import anyascii

from django.db import transaction
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision

PUNT_VOLAT = re.compile(r"([lL])\s*[·.•∙‧]\s*([lL])")


def ascii_slug(text):
    """``"Butlletí: col·lectius"`` → ``"butlleti-collectius"``."""
    text = PUNT_VOLAT.sub(r"\1\2", text.replace("ŀ", "l").replace("Ŀ", "L"))
    return slugify(anyascii(text))


def needs_ascii_slug(slug):
    return bool(slug) and ascii_slug(slug) != slug


def ascii_slug_for_new_pages(sender, instance, **kwargs):
    """``pre_save`` of every model: a page saved for the first time gets an ASCII slug."""
    if (
        not isinstance(instance, Page)
        or instance.pk is not None
        or not needs_ascii_slug(instance.slug)
    ):
        return
    parent = instance.get_parent()
    instance.slug = find_available_slug(parent, ascii_slug(instance.slug) or "page")
    instance.set_url_path(parent)


def ascii_slug_on_publish(sender, instance, **kwargs):
    """``page_published``: an existing page published with an accented slug is renamed."""
    if needs_ascii_slug(instance.slug):
        rename_to_ascii(instance)


def rename_to_ascii(page):
    """Give an existing page an ASCII slug; its old addresses redirect to it (301).

    The page is saved with the new slug (Wagtail then fixes its descendants' paths
    and, once committed, records the redirects), and the slug is rewritten in its
    revisions too, so that publishing a draft does not bring the old one back.
    """
    old_slug = page.slug
    new_slug = find_available_slug(
        page.get_parent(), ascii_slug(old_slug) or "page", ignore_page_id=page.pk
    )
    with transaction.atomic():
        page.slug = new_slug
        page.save(update_fields=["slug", "url_path"], clean=False)
        for revision in Revision.objects.for_instance(page):
            if revision.content.get("slug") == old_slug:
                revision.content["slug"] = new_slug
                revision.save(update_fields=["content"])
    return new_slug


def pages_with_non_ascii_slugs():
    """Every page whose slug is not ASCII already, parents before children."""
    return [
        page
        for page in Page.objects.filter(depth__gt=1).order_by("depth", "path").specific()
        if needs_ascii_slug(page.slug)
    ]
