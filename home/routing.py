"""Find the page a URL names in one query, instead of two per level of the tree.

Wagtail routes ``/ca/a/b/c/`` by asking each page for its child by slug and then
for that child's specific row: two queries per level, eight for a guide chapter.
Every page's ``url_path`` already spells its slugs from the language's root, so
one query finds every page along the requested path. Then, as Wagtail would, a
routable page on the way gets the rest of the path (its sub-URLs come before
its children), and the last page found routes what is left (Wagtail's child
lookup and its 404).
"""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route_in_one_query(root, request, path_components):
    """What ``root.route(request, path_components)`` answers, with one query for the path."""
    prefixes = [
        root.url_path + "".join(f"{component}/" for component in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]
    found = Page.objects.filter(
        url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth
    ).order_by("depth")
    chain = []
    for page in found:
        if page.depth != root.depth + len(chain) + 1:
            break
        chain.append(page)
    if not chain:
        return None
    for position, page in enumerate(chain):
        remaining = path_components[page.depth - root.depth :]
        if page is chain[-1] or _has_subpage_url(page, remaining):
            specific = page.specific
            # Its ancestors below the tree's root are known now: breadcrumbs need no query.
            specific.routed_ancestors = [root, *chain[:position]]
            specific._cached_parent_obj = specific.routed_ancestors[-1]
            return specific.route(request, remaining)


def _has_subpage_url(page, path_components):
    """Whether a routable page answers this path itself (before looking at its children)."""
    model = page.specific_class
    if not (page.live and model and issubclass(model, RoutablePageMixin)):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{c}/" for c in path_components))
    except Http404:
        return False
    return True
