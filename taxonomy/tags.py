"""The one way the public site names a free tag: in the reader's language.

A tag's own name is the one editors typed on the Catalan page (wagtail-localize
copies tags to the translations); ``TagTranslation`` gives it a name per
language, and a tag without one keeps its own name. Page tag lists, news feeds,
the library's downloads and JSON-LD keywords all read names from here, in the
same query that fetches the tags (``tagged_items``) or in one query for a list.
"""

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from .models import TagTranslation


def _language(language):
    return (language or get_language() or "").split("-")[0].lower()


def display_name_expression(tag_id, own_name, language):
    """SQL for a tag's name in ``language``: its translation, else ``own_name``.
    Arguments are expressions of the outer query (or a language code)."""
    translated = TagTranslation.objects.filter(tag_id=tag_id, language=language)
    return Coalesce(Subquery(translated.order_by().values("name")[:1]), own_name)


def _named_tagged_items(through_model):
    """A page's tagged items, each with ``display_name`` in its page's language."""
    return through_model.objects.select_related("tag").annotate(
        display_name=display_name_expression(
            OuterRef("tag_id"), F("tag__name"), OuterRef("content_object__locale__language_code")
        )
    )


def prefetch_tag_names(through_model):
    """A ``Prefetch`` of pages' ``tagged_items`` named in each page's language: no
    query beyond the prefetch's own; read them with ``tag_names``."""
    return Prefetch("tagged_items", queryset=_named_tagged_items(through_model))


def tag_names(page):
    """The names of ``page``'s tags in its language, alphabetically: one query (none
    after ``prefetch_tag_names``). A preview's unsaved tags are named in one more."""
    items = page.tagged_items.all()
    prefetched = "tagged_items" in getattr(page, "_prefetched_objects_cache", {})
    if isinstance(items, QuerySet) and not prefetched:  # the live page's: from the database
        return _live_page_tag_names(items.model, page.pk)
    names = [getattr(item, "display_name", None) for item in items]
    if None in names:  # in memory (a preview): not fetched with their names
        by_pk = display_names([item.tag for item in items], page.locale.language_code)
        names = [by_pk[item.tag_id] for item in items]
    return sorted(names, key=str.casefold)


def _live_page_tag_names(through_model, page_pk):
    """A live page's tag names as the database holds them, read once per public change."""
    from operations.public_snapshot import once_per_public_change

    def compute():
        items = _named_tagged_items(through_model).filter(content_object_id=page_pk)
        return sorted((item.display_name for item in items), key=str.casefold)

    return list(
        once_per_public_change(
            ("taxonomy:tag_names", through_model._meta.label, page_pk), compute, per_item=True
        )
    )


def display_names(tags, language=None):
    """``{tag.pk: name}`` for ``tags`` in ``language`` (the active one by default), in
    one query whatever their number, none when there are no tags."""
    names = {tag.pk: tag.name for tag in tags}
    if names:
        names.update(
            TagTranslation.objects.filter(
                tag_id__in=names, language=_language(language)
            ).values_list("tag_id", "name")
        )
    return names


def display_name(tag, language=None):
    """One tag's name in ``language``, or its own name when it has no translation."""
    return display_names([tag], language)[tag.pk]
