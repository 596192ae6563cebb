"""Find the page a URL names in one query, instead of two per level of the tree.

Wagtail routes ``/ca/a/b/c/`` by asking each page for its child by slug and then
for that child's specific row: two queries per level, eight for a guide chapter.
Every page's ``url_path`` already spells its slugs from the language's root, so
one query finds every page along the requested path. Then, as Wagtail would, a
routable page on the way gets the rest of the path (its sub-URLs come before
its children), and the last page found routes what is left (Wagtail's child
lookup and its 404).
"""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.http.request import split_domain_port

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images import get_image_model
from wagtail.models import Page


def route_in_one_query(root, request, path_components):
    """What ``root.route(request, path_components)`` answers, with one query for the path
    (none while the public view is unchanged: ``public_snapshot`` keeps what it found)."""
    from operations.public_snapshot import once_per_public_change

    found = once_per_public_change(
        ("route", root.pk, tuple(path_components)),
        lambda: _routed_page(root, path_components),
        per_item=True,
    )
    if found is None:
        return None
    specific = found["page"]
    # Its ancestors below the tree's root are known now: breadcrumbs need no query.
    specific.routed_ancestors = found["ancestors"]
    specific._cached_parent_obj = specific.routed_ancestors[-1]
    return specific.route(request, found["remaining"])


def _routed_page(root, path_components):
    """The specific page that routes the path, its ancestors from ``root`` and the rest of
    the path it routes, or None when no page under ``root`` starts the path."""
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
    for position, page in enumerate(chain):
        remaining = path_components[page.depth - root.depth :]
        if page is chain[-1] or _has_subpage_url(page, remaining):
            return {
                "page": _ready_to_serve(page.specific),
                "ancestors": [root, *chain[:position]],
                "remaining": list(remaining),
            }
    return None


def _ready_to_serve(page):
    """``page`` with the relations serving it reads fetched: its locale, its own images and
    their renditions. Kept with the route, they need neither a query nor a look in the
    shared cache (a news item's picture)."""
    image_model = get_image_model()
    images = [
        f"{field.name}__renditions"
        for field in type(page)._meta.concrete_fields
        if field.is_relation and field.related_model is image_model
    ]
    prefetch_related_objects([page], "locale", *images)
    return page


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


def _site_for(request):
    """Wagtail's site for this host, kept until the public view changes."""
    from wagtail.models import Site

    from operations.public_snapshot import once_per_public_change

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    known = once_per_public_change(
        ("site-addresses",), lambda: set(Site.objects.values_list("hostname", "port"))
    )
    # Wagtail's answer depends only on whether the host and port name a site, so
    # the key does too: a stream of made-up Host headers (ALLOWED_HOSTS = "*")
    # shares one answer instead of growing the process's memory.
    if (hostname, port) in known:
        key = ("site", hostname, port)
    elif any(hostname == site_hostname for site_hostname, _ in known):
        key = ("site", hostname, None)
    else:
        key = ("site", None, None)
    return once_per_public_change(key, lambda: Site._find_for_request(request))


def localized_home(site):
    """The site's home page in the active language (Wagtail's ``root_page.localized``)."""
    from django.utils.translation import get_language

    from operations.public_snapshot import once_per_public_change

    return once_per_public_change(
        ("home", site.root_page_id, get_language()), lambda: site.root_page.localized.specific
    )


class SiteRoutingMiddleware:
    """Fills Wagtail's per-request slots for the site and the served page's route.

    Wagtail reads the site (``Site.find_for_request``) and routes from the site's
    localized root (``Page.route_for_request``) with three queries before the
    page's own, and reads the sites' root paths from the cache for page URLs;
    here the site, its root paths and its home page come from ``operations.
    public_snapshot`` and the route from the home page (``route_in_one_query``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.models import Site
        from wagtail.views import serve

        from operations.public_snapshot import once_per_public_change

        if request.method not in ("GET", "HEAD") or getattr(view_func, "site_independent", False):
            # A probe (``/health/``) must answer without the database or the cache it checks.
            return None
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = _site_for(request)
            # Every page URL of the request reads these (Wagtail keeps them in the cache).
            request._wagtail_cached_site_root_paths = once_per_public_change(
                "site_root_paths", Site.get_site_root_paths
            )
        if view_func is not serve:
            return None
        site = request._wagtail_site
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            request._wagtail_route_for_request = (
                localized_home(site).route(request, [c for c in path.split("/") if c])
                if site is not None
                else None
            )
        except Http404:
            request._wagtail_route_for_request = None
        return None
