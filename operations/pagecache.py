"""A page cache for anonymous visitors, shared by every worker process.

Why our own middleware rather than Django's ``CacheMiddleware`` or wagtail-cache:
Django's middleware keys entries by request headers, so one URL cannot be purged
without knowing every variant, and wagtail-cache does not support Wagtail 8.
Here every entry's key carries a *generation* number kept in the same cache;
a purge bumps the generation, which drops every cached page at once.

When: ``publishing.events`` announces, after the transaction commits, every
change that alters what anonymous visitors see. A request that began before
the purge keys its entry with the old generation, so it cannot store stale
content under the new one.

Why purge everything rather than a page and its listings: a page shows up in
many places (its parent's listing, its translations' language links, the home
page's latest items, the search results, the agenda, the sitemap), and an
editorial network publishes a few times a day. A full purge is never stale and
costs one miss per page after a publish.

What is cached: anonymous GET/HEAD responses with status 200 that set no
cookie, hold no CSRF token and vary on nothing but the cookie (the session
looked up to find the user) and the encoding. Requests carrying a session or
messages cookie always go to the view, so editors see their own state.

Query strings: the key holds the path and the query parameters sorted, without
tracking parameters (``utm_*``, ``fbclid``…, ``PAGE_CACHE_TRACKING_PARAMETERS``),
so a campaign link is served the page cached for the plain address. A request
that carries tracking parameters never *stores* an entry (the page it rendered
may echo them), and one path keeps at most ``PAGE_CACHE_MAX_VARIANTS_PER_PATH``
query-string variants per generation (filters and pages of a listing), so
random query strings cannot fill the cache.
"""

import hashlib
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.utils.cache import cc_delim_re

from publishing.events import public_content_changed

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _fresh_generation():
    # Time-based, so that a generation lost to cache eviction (or to a Redis that
    # restarted empty) restarts above every earlier one and can never bring back
    # entries cached before a purge.
    return time.time_ns() // 1000


def _failure_mark(cache):
    """Changes whenever an operation did not reach the cache (``operations.rediscache``)."""
    mark = getattr(cache, "failure_mark", None)
    return mark() if mark is not None else None


# The cache's failure mark when this process last trusted the generation.
_trusted = {"mark": None}


def _trusted_mark(cache):
    if _trusted["mark"] is None:
        _trusted["mark"] = _failure_mark(cache)
    return _trusted["mark"]


def _generation():
    """The current generation, or ``None`` when the cache cannot be reached.

    After this process saw the cache fail, a purge may have been lost (a publish
    during the outage, here or in another process that saw the same outage), so
    the first read that reaches the cache again starts a new generation: nothing
    cached before the outage is served after it."""
    cache = _cache()
    mark = _failure_mark(cache)
    if mark != _trusted_mark(cache):
        generation = _fresh_generation()
        cache.set(GENERATION_KEY, generation, timeout=None)
        if _failure_mark(cache) != mark:
            return None
        _trusted["mark"] = mark
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if _failure_mark(cache) != mark:
        return None
    return generation or _fresh_generation()


def generation():
    """The number that moves whenever the public view changed (``public_snapshot`` keys
    on it), or ``None`` when it cannot be read: then nothing may be served on its account."""
    return _generation()


def purge():
    """Drop every cached page (see the module docstring for why all of them); ``False``
    when the cache could not be reached. Then the failure makes the next generation
    read of every process that saw it start a new generation (``_generation``)."""
    cache = _cache()
    mark = _failure_mark(cache)
    _trusted_mark(cache)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)
    return _failure_mark(cache) == mark


def _is_tracking(name):
    name = name.lower()
    return name.startswith(tuple(settings.PAGE_CACHE_TRACKING_PREFIXES)) or (
        name in settings.PAGE_CACHE_TRACKING_PARAMETERS
    )


def _has_tracking(request):
    return any(_is_tracking(name) for name in request.GET)


def _significant_query(request):
    """The query string without tracking parameters, in one order whatever the link's."""
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not _is_tracking(name)
        for value in values
    )
    return urlencode(pairs)


def _digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _cache_key(request, generation):
    query = _significant_query(request)
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"pagecache:{generation}:{_digest(raw)}"


def _may_store(request, generation):
    """Tracking parameters never store; a path's query-string variants are counted."""
    if _has_tracking(request):
        return False
    query = _significant_query(request)
    if not query:
        return True
    if len(query) > settings.PAGE_CACHE_MAX_QUERY_LENGTH:
        return False
    cache = _cache()
    key = f"pagecache:{generation}:variants:{_digest(request.get_host() + request.path)}"
    cache.add(key, 0, settings.PAGE_CACHE_SECONDS)
    try:
        variants = cache.incr(key)
    except ValueError:  # evicted in between: count this one as the first
        variants = 1
    return variants <= settings.PAGE_CACHE_MAX_VARIANTS_PER_PATH


def _request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
        return False
    if any(
        re.match(pattern, request.path_info) for pattern in settings.PAGE_CACHE_EXCLUDED_PATTERNS
    ):
        return False
    return not any(name in request.COOKIES for name in _personal_cookies())


def _personal_cookies():
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    # "Vary: Cookie" alone comes from reading the (absent) session to find the
    # user; a request with a session cookie never reaches the cache.
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= {"accept-encoding", "cookie"}


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _enabled() or not _request_is_cacheable(request):
            return self.get_response(request)
        generation = _generation()
        if generation is None:  # the cache cannot be reached: serve uncached
            return self.get_response(request)
        key = _cache_key(request, generation)
        cached = _cache().get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if _response_is_cacheable(request, response) and _may_store(request, generation):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response[HEADER] = "miss"
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        return response


def _purge_when_the_public_view_changed(sender, public=False, **kwargs):
    """Purge when what anonymous visitors see changed: a publish, unpublish, move,
    deletion, privacy change, a public file or a public setting or snippet
    (``publishing.events``). Drafts, unused uploads, questionnaire answers and
    search-index writes leave the cache alone."""
    if public:
        purge()


def connect_purge_signals():
    public_content_changed.connect(
        _purge_when_the_public_view_changed, dispatch_uid="pagecache-purge"
    )
