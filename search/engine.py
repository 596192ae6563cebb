"""The search itself: parameters in, one page of results with facets out.

One SQL statement (``search.retrieval``) returns the matches' facet
combinations and the candidates for the shown page; facets (with counts that
ignore their own selection) are derived in memory, the candidates are ranked
by the backend, and only the shown page's rows, files and labels are fetched.
The number of SQL queries is therefore the same whatever the number of results.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from groups.models import WorkingGroupPage
from listing.pagination import page_of_count
from publishing.visibility import restricted_collection_ids
from taxonomy.models import Topic

from . import correction, text
from .analytics import record
from .backends import get_backend
from .backends.base import BackendUnavailable
from .facets import (  # noqa: F401
    Facet,
    FacetOption,
    build_facets,
    count_matches,
    selected_filters,
    type_key,
    type_label,
)
from .models import SearchAttachment, SearchEntry, Synonym
from .params import (  # noqa: F401
    ALL_LANGUAGES,
    PER_PAGE_CHOICES,
    InvalidParameter,
    SearchParams,
    content_languages,
)
from .promotions import visible_promotions
from .query import parse
from .ranking import rank_pool, window_ids, words_matched
from .retrieval import (
    MATCHING_FIELDS,
    POOL_SIZE,
    MatchingTemplate,
    Window,
    index_scans,
    retrieve,
)
from .snippets import Hit, build_hits  # noqa: F401
from .visibility import visible_condition

UNAVAILABLE_MESSAGE = _(
    "The search is unavailable for a moment. Please try again in a few minutes."
)


@dataclass
class SearchResults:
    params: SearchParams
    query: object
    total: int = 0
    hits: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    language_counts: dict = field(default_factory=dict)
    num_pages: int = 0
    message: str = ""
    # "Did you mean": the corrected query and its address; ``corrected_from`` is
    # the visitor's query when the results shown are the corrected query's.
    did_you_mean: str = ""
    did_you_mean_url: str = ""
    corrected_from: str = ""

    # The shown page as ``listing.pagination`` gives every listing (``listing/pagination.html``).
    page: object = None

    @property
    def first_number(self):
        return (self.params.page - 1) * self.params.per_page + 1


def synonym_sets(languages):
    """The synonyms of these languages, kept until the public view changes (saving a
    synonym changes it: ``PUBLIC_DATA_MODELS``)."""
    from operations.public_snapshot import once_per_public_change

    return once_per_public_change(
        ("search:synonyms", tuple(languages)),
        lambda: [s.expression_list for s in Synonym.objects.filter(language__in=languages)],
    )


def _facet_names(languages):
    """Topic and working group names by id, kept until the public view changes."""
    from operations.public_snapshot import once_per_public_change

    def compute():
        topics = Topic.objects.filter(locale__language_code__in=languages)
        groups = WorkingGroupPage.objects.filter(locale__language_code__in=languages)
        return (
            dict(topics.values_list("id", "name")),
            dict(groups.values_list("id", "title")),
        )

    return once_per_public_change(("search:facet_names", tuple(languages)), compute)


def base_queryset(languages):
    """The entries an anonymous visitor may see in ``languages``; callers chain on it.

    Its visibility subqueries cost milliseconds of ORM work to build, and a
    search asks for it several times (its passes, promotions): it is built once
    and kept until the public view changes (``operations.public_snapshot``, which
    also drops it when a page's go-live or expiry time comes, so the moment
    written into its window conditions answers as the present one would).
    """
    from operations.public_snapshot import once_per_public_change

    def build():
        # Equality for one language lets PostgreSQL use that language's partial index.
        language = (
            {"language": languages[0]} if len(languages) == 1 else {"language__in": languages}
        )
        return SearchEntry.objects.filter(visible_condition(), **language)

    return once_per_public_change(("search:visible_entries", tuple(languages)), build)


def visible_entries_template(languages, fields=MATCHING_FIELDS):
    """``base_queryset(languages)`` compiled for a statement (``MatchingTemplate``),
    kept as long as the queryset."""
    from operations.public_snapshot import once_per_public_change

    return once_per_public_change(
        ("search:visible_entries_sql", tuple(languages), fields),
        lambda: MatchingTemplate.compile(base_queryset(languages), fields),
    )


ONLY_STOP_WORDS_MESSAGE = _(
    "Those words are too common to search for on their own: add a more specific word."
)
PUNCTUATION_MESSAGE = _("Type at least one word or number: punctuation alone cannot be searched.")
NO_RESULTS_MESSAGE = _("No results. Try fewer or more general words, or search all languages.")
SOME_WORDS_MESSAGE = _(
    "No result has every word: these have some of them, those with the most first."
)
# A query of at least this many required groups falls back to "any word" when nothing has all.
ANY_WORDS_FROM = 3
# Fewer results than this (found through a stem, say) and a word the index does not
# hold: "did you mean" is offered; when the correction is unambiguous and finds
# more, its results are shown instead, saying so.
FEW_RESULTS = 3


def search(params, *, record_query=True):
    """Run a search; never raises for any ``q``.

    When no entry has every word (whatever the filters), a long query is retried with any
    of its words (ranked by how many match), and unknown words are compared
    with the index's vocabulary ("did you mean"); an unambiguous correction's
    results are shown, saying so.
    """
    languages = params.languages
    query = parse(params.q, synonym_sets(languages))
    if not query:
        results = SearchResults(params=params, query=query)
        if query.only_stop_words:
            results.message = ONLY_STOP_WORDS_MESSAGE
        elif params.q:
            results.message = PUNCTUATION_MESSAGE
        return results
    backend = get_backend()
    with index_scans():
        results = _search(params, query, languages, backend)
        if results.total < FEW_RESULTS:
            _correct(results, languages, backend)
        if not sum(results.language_counts.values()) and len(query.groups) >= ANY_WORDS_FROM:
            # Nothing has every word, filters aside (when the filters alone leave
            # nothing, entries with every word exist: the some-words pass would mislead).
            results = _search(params, query.any_of(), languages, backend)
            if results.total:
                results.message = SOME_WORDS_MESSAGE
        if results.params.page == 1:
            # Once, for the results shown (a corrected or any-word pass replaces the first).
            results.promotions = visible_promotions(results.params, base_queryset(languages))
    if not results.total and not results.message:
        results.message = NO_RESULTS_MESSAGE
    if record_query:
        record(params, results.total)
    return results


def publicly_held(words, languages, backend):
    """Which of ``words`` public entries hold in exactly that form (nothing private
    leaks), all asked in one statement: ``SELECT EXISTS (...), EXISTS (...)``.

    Each ``EXISTS`` stops at the first public entry holding its word, so a rare word
    is found through the full-text index and a common one after a few rows.
    """
    words = sorted(words)
    if not words:
        return set()
    parts, params = [], []
    for word in words:
        where = backend.match(parse(f'"{word}"'), languages).where
        sql, sql_params = visible_entries_template(languages, ("id",)).matching(where)
        parts.append(f"EXISTS ({sql})")
        params += sql_params
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        held = cursor.fetchone()
    return {word for word, is_held in zip(words, held, strict=True) if is_held}


def _correct(results, languages, backend):
    """Offer the corrected query, and show its results when the correction is unambiguous."""
    found = correction.correct(results.query, languages, backend)
    if not found:
        return
    query = parse(found.query, synonym_sets(languages))
    if not query:
        return  # corrected into stop words only ("AAB" → "amb"): nothing to search for
    corrected_words = set(text.words(found.query)) - set(results.query.terms)
    if publicly_held(corrected_words, languages, backend) != corrected_words:
        return
    results.did_you_mean = found.query
    results.did_you_mean_url = results.params.url(q=found.query, page=1)
    if not found.unambiguous:
        return  # the correction is only offered
    if results.total:
        # A typo's few results come through a stem it shares ("assemblia" → "assembl",
        # as in "assemblees"): the correction's are shown instead when no public entry
        # holds the word as typed (the vocabulary may be minutes old) and they are more.
        typed_words = set(results.query.terms) - set(text.words(found.query))
        if publicly_held(typed_words, languages, backend):
            return
    corrected = _search(results.params, query, languages, backend)
    if corrected.total > results.total:
        corrected.did_you_mean = found.query
        corrected.corrected_from = results.params.q
        results.__dict__.update(corrected.__dict__)


def _search(params, query, languages, backend, count_only=False):
    """The results of a parsed query (the statement, the ranking, the shown rows)."""
    results = SearchResults(params=params, query=query)
    visible_entries = visible_entries_template(languages)
    match = backend.match(query, languages)
    filters = selected_filters(params)
    predicates = {name: predicate for name, (predicate, _sql) in filters.items()}
    conditions = [sql for _predicate, sql in filters.values()]

    def window_for(page):
        return Window(
            sort=params.sort,
            start=(page - 1) * params.per_page,
            size=params.per_page,
            preferred_language=params.interface_language,
            pool_size=None if match.scores is not None else POOL_SIZE,
        )

    window = window_for(params.page)
    retrieved = retrieve(visible_entries, match, conditions, window)
    results.total, counts = count_matches(retrieved.combinations, predicates)
    if count_only:
        return results
    by_language = results.language_counts
    for combination in retrieved.combinations:
        by_language[combination.language] = (
            by_language.get(combination.language, 0) + combination.count
        )

    topic_names, group_names = _facet_names(languages)
    results.facets = build_facets(counts, params, topic_names, group_names)

    results.page = page_of_count(results.total, params.page, params.per_page)
    results.num_pages = results.page.paginator.num_pages
    if params.page != results.page.number:
        # Past the last page: show the last one (one more statement, only then).
        params.page = results.page.number
        window = window_for(params.page)
        retrieved = retrieve(visible_entries, match, conditions, window)
    ranked_pool = []
    if retrieved.pool:
        scores = match.scores
        pool_ids = [c.entry_id for c in retrieved.pool]
        coverage = {}
        if scores is None:
            scores = backend.scores(query, languages, pool_ids)
            if query.match_any:
                coverage = words_matched(query, languages, backend, pool_ids)
        ranked_pool = rank_pool(retrieved.pool, scores, params.interface_language, coverage, query)
    shown_ids = window_ids(retrieved, ranked_pool, window)

    entries = SearchEntry.objects.in_bulk(shown_ids)
    attachments = (
        SearchAttachment.objects.filter(entry_id__in=shown_ids)
        .exclude(document__collection_id__in=restricted_collection_ids())
        .annotate(excerpt_source=Substr("text", 1, 100_000))
        .defer("text")
        .order_by("title")
    )
    hits = build_hits(
        [entries[i] for i in shown_ids if i in entries], list(attachments), query, languages
    )
    for hit in hits:
        hit.group_title = group_names.get(hit.entry.working_group_id, "")
    results.hits = hits
    return results


SUGGEST_CANDIDATES = 200


def suggestion_order(words):
    """Most relevant first, the same on every backend: titles that begin with what was
    typed, then those with the fewest other words, then alphabetical."""

    typed = " ".join(words)

    def key(row):
        title_words = text.words(row[1])
        starts = " ".join(title_words).startswith(typed)
        return (not starts, len(title_words), text.normalise(row[1]))

    return key


def suggestions(raw, language, limit=8):
    """Titles of visible entries whose title words start with what was typed."""
    words = text.query_terms(raw)
    if not words or len(words[-1]) < 2:
        return []
    languages = content_languages() if language == ALL_LANGUAGES else [language]
    try:
        rows = get_backend().suggest(words, languages, base_queryset(languages), SUGGEST_CANDIDATES)
    except BackendUnavailable:
        return []  # suggestions are an extra: the search form still works
    rows = sorted(rows, key=suggestion_order(words))[:limit]
    return [{"title": title, "url": url, "language": lang} for _id, title, url, lang in rows]
