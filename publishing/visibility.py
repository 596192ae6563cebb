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

*Once per change.* The short lists the rules read (the unpublished sections,
the view restrictions, the restricted and published collections) are read once
and kept until the public view changes or a page's go-live or expiry time comes
(``operations.public_snapshot``), and reused by every listing, card and check.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

from operations.public_snapshot import once_per_public_change

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


def _unpublished_sections(now):
    return Page.objects.filter(_out_of_window(now), depth__gt=1, numchild__gt=0)


def _hidden_section_paths():
    """Both path lists in one query: a request that asks for one asks for the other."""
    unpublished = (
        _unpublished_sections(timezone.now())
        .annotate(kind=Value("unpublished"))
        .values_list("path", "kind")
        .order_by()
    )
    restricted = (
        PageViewRestriction.objects.annotate(kind=Value("restricted"))
        .values_list("page__path", "kind")
        .order_by()
    )
    paths = {"unpublished": [], "restricted": []}
    for path, kind in unpublished.union(restricted, all=True):
        paths[kind].append(path)
    return paths


def unpublished_subtree_paths(now=None):
    """Paths of the unpublished pages that have children: their subtrees are hidden.

    Leaves need no entry: the window condition already hides them. So the list
    stays as short as the number of unpublished sections, not of drafts.
    """
    if now is not None:
        return list(_unpublished_sections(now).values_list("path", flat=True))
    return once_per_public_change("visibility:paths", _hidden_section_paths)["unpublished"]


def restricted_subtree_paths():
    return once_per_public_change("visibility:paths", _hidden_section_paths)["restricted"]


def _without_subtrees(queryset, paths, now):
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.filter(_in_window(now or timezone.now()))
    return queryset.exclude(_subtrees(paths)) if paths else queryset


def published_pages(queryset=None, now=None):
    """Pages served to anyone: live, in their window, every ancestor too."""
    return _without_subtrees(queryset, unpublished_subtree_paths(now), now)


def _hidden_paths(now):
    """The unpublished and restricted sections' paths, in one read (``_hidden_section_paths``)."""
    if now is None:
        paths = once_per_public_change("visibility:paths", _hidden_section_paths)
        return paths["unpublished"] + paths["restricted"]
    return unpublished_subtree_paths(now) + restricted_subtree_paths()


def public_pages(queryset=None, now=None):
    """Published pages with no view restriction on them or an ancestor."""
    return _without_subtrees(queryset, _hidden_paths(now), now)


def _maybe_hidden(paths):
    """A ``Q`` on pages holding every page that ``public_pages`` may leave out, at any time.

    Only a page whose own fields can put it out of its window (not live,
    expired, scheduled to go live or to expire), the root, or a page below a
    hidden section can be other than public; on a site these are few, and
    PostgreSQL finds them through a partial index (``search_page_maybe_hidden``).
    """
    maybe_out_of_window = (
        Q(live=False)
        | Q(expired=True)
        | Q(go_live_at__isnull=False)
        | Q(expire_at__isnull=False)
        | Q(depth__lte=1)
    )
    return maybe_out_of_window | _subtrees(paths)


def hidden_pages(now=None):
    """The pages ``public_pages`` leaves out: not public, found among the few that may not be.

    For a reader of many rows (the search): excluding these few costs each row
    a lookup in a short list, where keeping the public pages would join every
    row to every page of the site.
    """
    candidates = Page.objects.filter(_maybe_hidden(_hidden_paths(now)))
    return candidates.exclude(pk__in=public_pages(candidates, now).values("pk"))


def _instance_in_window(page, now):
    return (
        page.live
        and not page.expired
        and page.depth > 1
        and (page.go_live_at is None or page.go_live_at <= now)
        and (page.expire_at is None or page.expire_at > now)
    )


def _below_any(page, paths):
    return any(page.path.startswith(path) for path in paths)


def is_page_published(page, now=None):
    """One page's answer to ``published_pages``.

    An unpublished ancestor has a child, so it is in ``unpublished_subtree_paths``.
    """
    if not _instance_in_window(page, now or timezone.now()):
        return False
    return not _below_any(page, unpublished_subtree_paths(now))


def is_page_public(page, now=None):
    return is_page_published(page, now) and not _below_any(page, restricted_subtree_paths())


def public_among(pages, now=None):
    """The pages of ``pages`` (instances already fetched) that ``public_pages`` admits.

    One answer for a whole list of cards or links, without a query per page.
    """
    return [page for page in pages if is_page_public(page, now)]


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


def _collections_below(paths):
    if not paths:
        return []
    return list(Collection.objects.filter(_subtrees(paths)).values_list("id", flat=True))


def restricted_collection_ids():
    """Collections with a view restriction, and every collection below them."""
    return once_per_public_change(
        "visibility:restricted_collections",
        lambda: _collections_below(
            list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
        ),
    )


def published_collection_ids():
    """Collections the secretariat published, and every collection below them."""
    return once_per_public_change(
        "visibility:published_collections",
        lambda: _collections_below(
            list(PublicCollection.objects.values_list("collection__path", flat=True))
        ),
    )


def _used_by_a_public_page(model, now=None):
    """``Exists``: a public page's content uses this ``model`` row (an outer file query's).

    Driven by the reference index: the file's few references, then each one's page
    by primary key, none of them among the few pages that are not public
    (``hidden_pages``), rather than every public page and then its references: a
    query over every file (the search) reads the page table's primary key and a
    short list, not every page's row.
    """
    pages = Page.objects.filter(pk=Cast(OuterRef("object_id"), BigIntegerField())).exclude(
        pk__in=hidden_pages(now).values("pk")
    )
    return Exists(
        ReferenceIndex.objects.filter(
            base_content_type=_page_content_type(),
            to_content_type=_file_content_type(model),
            to_object_id=Cast(OuterRef("pk"), CharField()),
        ).filter(Exists(pages))
    )


def public_files(queryset, now=None):
    """The documents or images of ``queryset`` that anonymous visitors may see."""
    used = Q(_used_by_a_public_page(queryset.model, now))
    published = published_collection_ids()
    if published:
        used |= Q(collection_id__in=published)
    queryset = queryset.filter(used)
    hidden = restricted_collection_ids()
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset


def is_file_public(obj, now=None):
    return public_files(type(obj).objects.filter(pk=obj.pk), now).exists()


class RestrictionsFromVisibility:
    """For page models: their view restrictions, without a query when there are none.

    Wagtail asks every page it serves for its view restrictions (two queries: the
    ancestors, then their restrictions). The restricted sections are already
    known here, once per request: a page outside all of them has none. An alias
    takes its source's restrictions, which Wagtail's own answer resolves.
    """

    def get_view_restrictions(self):
        if self.alias_of_id is None and not _below_any(self, restricted_subtree_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
