"""What an anonymous visitor may see: the one answer every reader asks.

*Pages.* A page is **published** when it is live, inside its go-live/expiry
window, below the site root, and every ancestor is published too (Wagtail
itself would serve a live child of a draft parent). It is **public** when it
is published and neither it nor an ancestor has a view restriction (a private
page is served to the people it admits, but never listed, fed, indexed or
mapped).

*Files.* A document or image is **public** when a public page uses it (through
a chooser, a rich-text link or a foreign key, as Wagtail's reference index
records the page's live content), or when the secretariat placed it in a
collection it published (``PublicCollection``); and, in either case, its
collection has no view restriction. Everything else (files of drafts, files
attached to nothing, files used only by private pages) is not public.

Search, feeds, listings, the API, the sitemap, file serving and the page cache
all call these functions; none re-derives the rules.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

from .models import PublicCollection


def _out_of_window(now):
    return Q(live=False) | Q(expired=True) | Q(go_live_at__gt=now) | Q(expire_at__lte=now)


def _in_window(now):
    return (
        Q(live=True, expired=False, depth__gt=1)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def _subtrees(paths):
    """A ``Q`` matching every page at or below one of these tree paths."""
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def unpublished_subtree_paths(now=None):
    """Paths of the unpublished pages that have children: their subtrees are hidden.

    Leaves need no entry: the window condition already hides them. So the list
    stays as short as the number of unpublished sections, not of drafts.
    """
    now = now or timezone.now()
    return list(
        Page.objects.filter(_out_of_window(now), depth__gt=1, numchild__gt=0).values_list(
            "path", flat=True
        )
    )


def restricted_subtree_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def published_pages(queryset=None, now=None):
    """Pages served to anyone: live, in their window, every ancestor too."""
    now = now or timezone.now()
    queryset = Page.objects.all() if queryset is None else queryset
    hidden = unpublished_subtree_paths(now)
    queryset = queryset.filter(_in_window(now))
    return queryset.exclude(_subtrees(hidden)) if hidden else queryset


def public_pages(queryset=None, now=None):
    """Published pages with no view restriction on them or an ancestor."""
    queryset = published_pages(queryset, now)
    restricted = restricted_subtree_paths()
    return queryset.exclude(_subtrees(restricted)) if restricted else queryset


def _instance_in_window(page, now):
    return (
        page.live
        and not page.expired
        and page.depth > 1
        and (page.go_live_at is None or page.go_live_at <= now)
        and (page.expire_at is None or page.expire_at > now)
    )


def is_page_published(page, now=None):
    """One page's answer to ``published_pages`` (one query, for its ancestors)."""
    now = now or timezone.now()
    if not _instance_in_window(page, now):
        return False
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1)
    return not ancestors.filter(_out_of_window(now)).exists()


def is_page_public(page, now=None):
    return is_page_published(page, now) and not page.get_view_restrictions().exists()


# --- Files ----------------------------------------------------------------------------------


def _page_content_type():
    return ContentType.objects.get_for_model(Page)


def _file_content_type(model_or_object):
    """The content type the reference index records for a file (its base model's)."""
    parents = model_or_object._meta.get_parent_list()
    base = parents[-1] if parents else model_or_object
    return ContentType.objects.get_for_model(base, for_concrete_model=False)


def pages_using(obj):
    """Every page (any state) whose content points at this document or image."""
    return pages_using_any(type(obj), [obj.pk])


def pages_using_any(model, ids):
    """Every page (any state) whose content points at one of these files of ``model``."""
    references = ReferenceIndex.objects.filter(
        base_content_type=_page_content_type(),
        to_content_type=_file_content_type(model),
        to_object_id__in=[str(pk) for pk in ids],
    )
    return Page.objects.filter(
        pk__in=references.annotate(page_id=Cast("object_id", BigIntegerField())).values("page_id")
    )


def files_used_by(pages, model):
    """``{page id: ids of the ``model`` files its content uses}`` for a batch, in one query.

    The inverse of ``pages_using_any``, read from the same reference index.
    """
    references = ReferenceIndex.objects.filter(
        base_content_type=_page_content_type(),
        to_content_type=_file_content_type(model),
        object_id__in=[str(page.pk) for page in pages],
    ).values_list("object_id", "to_object_id")
    used = {}
    for page_id, file_id in references:
        if str(file_id).isdigit():
            used.setdefault(int(page_id), set()).add(int(file_id))
    return used


def live_pages_using(obj):
    """Pages whose live content uses the file: removing it would change the public site."""
    return pages_using(obj).filter(live=True)


def restricted_collection_ids():
    """Collections with a view restriction, and every collection below them."""
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return []
    return list(Collection.objects.filter(_subtrees(paths)).values_list("id", flat=True))


def published_collection_ids():
    """Collections the secretariat published, and every collection below them."""
    paths = list(PublicCollection.objects.values_list("collection__path", flat=True))
    if not paths:
        return []
    return list(Collection.objects.filter(_subtrees(paths)).values_list("id", flat=True))


def _used_by_public_pages(model, now=None):
    """Ids (as a subquery) of the ``model`` rows that a public page uses."""
    page_keys = public_pages(now=now).annotate(key=Cast("pk", CharField())).values("key")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=_page_content_type(),
            to_content_type=_file_content_type(model),
            object_id__in=page_keys,
        )
        .annotate(file_id=Cast("to_object_id", BigIntegerField()))
        .values("file_id")
    )


def public_files(queryset, now=None):
    """The documents or images of ``queryset`` that anonymous visitors may see."""
    model = queryset.model
    used = Q(pk__in=_used_by_public_pages(model, now))
    published = published_collection_ids()
    if published:
        used |= Q(collection_id__in=published)
    queryset = queryset.filter(used)
    hidden = restricted_collection_ids()
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset


def is_file_public(obj, now=None):
    return public_files(type(obj).objects.filter(pk=obj.pk), now).exists()
