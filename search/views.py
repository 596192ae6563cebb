"""The public search page, its JSON API and the autocomplete endpoint."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import engine


def _current_language():
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in engine.content_languages() else settings.LANGUAGE_CODE


def _language_options(params, results):
    counts = results.language_counts if results else {}
    options = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        options.append(
            {
                "code": code,
                "name": name,
                "count": counts.get(code) if params.lang in (code, engine.ALL_LANGUAGES) else None,
                "selected": params.lang == code,
                "url": params.url(lang=code, page=1),
            }
        )
    return options


def _active_filters(results):
    """The chosen facet values, each with the link that removes it (the results' chips)."""
    if not results:
        return []
    return [option for facet in results.facets for option in facet.options if option.selected]


@never_cache  # each search is counted in the analytics, and results follow the live index
@require_GET
def search_page(request):
    language = _current_language()
    try:
        params = engine.SearchParams.from_query(request.GET, language)
    except engine.InvalidParameter as error:
        value = request.GET.get(str(error), "")[:20]
        if str(error) == "per_page":
            message = _("“%(value)s” results per page is not offered: choose 10, 20 or 50.")
        else:
            message = _("The page number “%(value)s” is not valid: use a whole number from 1.")
        context = {
            "error": message % {"value": value},
            "params": engine.SearchParams(
                q=engine.text.display_query(request.GET.get("q", "")), lang=language
            ),
        }
        return render(request, "search/search_page.html", context, status=400)
    try:
        results = engine.search(params) if params.q else None
    except engine.BackendUnavailable:
        context = {"error": engine.UNAVAILABLE_MESSAGE, "params": params}
        return render(request, "search/search_page.html", context, status=503)
    context = {
        "params": params,
        "results": results,
        "search_query": params.q,
        "current_language": language,
        "language_options": _language_options(params, results),
        "active_filters": _active_filters(results),
        "all_languages_url": params.url(lang=engine.ALL_LANGUAGES, page=1),
        "sorts": [("relevance", _("Relevance")), ("date", _("Newest first"))],
        "per_page_choices": engine.PER_PAGE_CHOICES,
    }
    return render(request, "search/search_page.html", context)


def _hit_json(hit):
    entry = hit.entry
    return {
        "title": entry.title,
        "url": entry.url,
        "kind": entry.kind,
        "type": engine.type_key(entry.content_type_id),
        "type_label": hit.type_label,
        "language": entry.language,
        "date": entry.date.isoformat() if entry.date else None,
        "working_group": (
            {"id": entry.working_group_id, "title": hit.group_title}
            if entry.working_group_id
            else None
        ),
        "snippet_html": hit.snippet,
        "snippet_file": hit.snippet_file or None,
        "matched_files": [{"title": f.title, "url": f.url} for f in hit.matched_files],
    }


@never_cache
@require_GET
def search_api(request):
    try:
        params = engine.SearchParams.from_query(request.GET, settings.LANGUAGE_CODE)
    except engine.InvalidParameter as error:
        if str(error) == "per_page":
            choices = ", ".join(str(n) for n in engine.PER_PAGE_CHOICES)
            return JsonResponse({"error": f"'per_page' must be one of {choices}."}, status=400)
        return JsonResponse({"error": f"'{error}' must be a whole number from 1."}, status=400)
    # Labels (types, facets, messages) in the language asked for; for all, the browser's.
    if params.lang in engine.content_languages():
        label_language = params.lang
    else:
        label_language = translation.get_language_from_request(request)
    with translation.override(label_language):
        return _search_api_response(params)


def _search_api_response(params):
    try:
        results = engine.search(params) if params.q else None
    except engine.BackendUnavailable:
        return JsonResponse({"error": str(engine.UNAVAILABLE_MESSAGE)}, status=503)
    return JsonResponse(
        {
            "query": params.q,
            "lang": params.lang,
            "sort": params.sort,
            "page": params.page,
            "per_page": params.per_page,
            "total": results.total if results else 0,
            "num_pages": results.num_pages if results else 0,
            "message": str(results.message) if results and results.message else None,
            "did_you_mean": (results.did_you_mean or None) if results else None,
            "corrected_from": (results.corrected_from or None) if results else None,
            "promotions": [
                {
                    "title": p.page.title if p.page else p.external_link_text,
                    "url": p.page.url if p.page else p.external_link_url,
                    "description": p.description,
                }
                for p in (results.promotions if results else [])
            ],
            "results": [_hit_json(hit) for hit in (results.hits if results else [])],
            "facets": {
                facet.name: [
                    {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                    for o in facet.options
                ]
                for facet in (results.facets if results else [])
            },
            "languages": results.language_counts if results else {},
        }
    )


@never_cache
@require_GET
def suggest_api(request):
    language = engine.text.clean(request.GET.get("lang", "")).strip()
    if language != engine.ALL_LANGUAGES and language not in engine.content_languages():
        language = settings.LANGUAGE_CODE
    return JsonResponse({"suggestions": engine.suggestions(request.GET.get("q", ""), language)})
