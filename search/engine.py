"""The search itself: parameters in, one page of results with facets out.

One SQL statement (``search.retrieval``) returns the matches' facet
combinations and the candidates for the shown page; facets (with counts that
ignore their own selection) are derived in memory, the candidates are ranked
by the backend, and only the shown page's rows, files and labels are fetched.
The number of SQL queries is therefore the same whatever the number of results.
"""

import math
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.search.utils import normalise_query_string

from groups.models import WorkingGroupPage
from publishing.visibility import restricted_collection_ids
from taxonomy.models import Topic

from . import correction, text
from .backends import get_backend
from .backends.base import BackendUnavailable
from .models import QueryRecord, SearchAttachment, SearchEntry, Synonym, week_start
from .query import ParsedQuery, parse
from .retrieval import POOL_SIZE, Window, retrieve
from .visibility import visible_condition

PER_PAGE_CHOICES = (10, 20, 50)
SORTS = ("relevance", "date")
ALL_LANGUAGES = "all"
MAX_FILTER_VALUES = 20


class InvalidParameter(ValueError):
    """A parameter we cannot interpret (only ``page`` and ``per_page`` are strict)."""


UNAVAILABLE_MESSAGE = _(
    "The search is unavailable for a moment. Please try again in a few minutes."
)


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _ints(values):
    result = []
    for value in values[:MAX_FILTER_VALUES]:
        value = text.clean(value).strip()
        if value.isascii() and value.isdigit() and len(value) < 10:
            result.append(int(value))
    return result


@dataclass
class SearchParams:
    q: str = ""
    lang: str = "ca"
    types: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    years: list = field(default_factory=list)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE_CHOICES[0]
    # The visitor's language: preferred in the ranking when searching all languages.
    interface_language: str = "ca"

    @classmethod
    def from_query(cls, data, current_language):
        lang = text.clean(data.get("lang", "")).strip()
        if lang != ALL_LANGUAGES and lang not in content_languages():
            lang = current_language if current_language in content_languages() else "ca"
        sort = data.get("sort", "relevance")
        params = cls(
            q=text.display_query(data.get("q", "")),
            lang=lang,
            types=[
                t
                for t in (text.clean(v)[:100] for v in data.getlist("type")[:MAX_FILTER_VALUES])
                if t
            ],
            topics=_ints(data.getlist("topic")),
            groups=_ints(data.getlist("group")),
            years=_ints(data.getlist("year")),
            sort=sort if sort in SORTS else "relevance",
            interface_language=current_language,
        )
        params.page = cls._positive(data.get("page", "1"), "page")
        per_page = cls._positive(data.get("per_page", str(PER_PAGE_CHOICES[0])), "per_page")
        if per_page not in PER_PAGE_CHOICES:
            raise InvalidParameter("per_page")
        params.per_page = per_page
        return params

    @staticmethod
    def _positive(value, name):
        value = (value or "").strip() or "1"
        if not (value.isascii() and value.isdigit()) or len(value) > 9 or int(value) < 1:
            raise InvalidParameter(name)
        return int(value)

    @property
    def languages(self):
        return content_languages() if self.lang == ALL_LANGUAGES else [self.lang]

    def query_items(self, **overrides):
        values = {
            "q": self.q,
            "lang": self.lang,
            "type": self.types,
            "topic": self.topics,
            "group": self.groups,
            "year": self.years,
            "sort": self.sort,
            "per_page": self.per_page,
            "page": self.page,
        }
        values.update(overrides)
        items = []
        for key, value in values.items():
            if key == "page" and value == 1:
                continue
            if key == "sort" and value == "relevance":
                continue
            if key == "per_page" and value == PER_PAGE_CHOICES[0]:
                continue
            for item in value if isinstance(value, list) else [value]:
                if item not in ("", None):
                    items.append((key, item))
        return items

    def url(self, **overrides):
        return "?" + urlencode(self.query_items(**overrides))

    def toggled(self, name, value):
        """The URL with ``value`` added to or removed from filter ``name`` (page reset)."""
        attr = {"type": "types", "topic": "topics", "group": "groups", "year": "years"}[name]
        current = list(getattr(self, attr))
        current = [v for v in current if v != value] if value in current else current + [value]
        return self.url(**{name: current, "page": 1})


@dataclass
class FacetOption:
    value: object
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    options: list


@dataclass
class Hit:
    entry: SearchEntry
    type_label: str
    group_title: str
    snippet: str
    matched_files: list
    snippet_file: str = ""


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

    @property
    def first_number(self):
        return (self.params.page - 1) * self.params.per_page + 1

    @property
    def has_previous(self):
        return self.params.page > 1

    @property
    def has_next(self):
        return self.params.page < self.num_pages

    @property
    def previous_url(self):
        return self.params.url(page=self.params.page - 1)

    @property
    def next_url(self):
        return self.params.url(page=self.params.page + 1)

    def page_links(self):
        current, last = self.params.page, self.num_pages
        numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        return [(n, self.params.url(page=n), n == current) for n in numbers]


def type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name).capitalize() if model else ""


@lru_cache(maxsize=512)
def type_key(content_type_id):
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def synonym_sets(languages):
    return [s.expression_list for s in Synonym.objects.filter(language__in=languages)]


def base_queryset(languages, condition=None):
    condition = visible_condition() if condition is None else condition
    # Equality for one language lets PostgreSQL use that language's partial index.
    language = {"language": languages[0]} if len(languages) == 1 else {"language__in": languages}
    return SearchEntry.objects.filter(condition, **language)


@lru_cache(maxsize=4096)
def _topics_of(value):
    return frozenset(int(v) for v in value.strip("|").split("|") if v)


def _content_type_ids(type_keys):
    ids = []
    for key in type_keys:
        app_label, _dot, model = key.partition(".")
        try:
            ids.append(ContentType.objects.get_by_natural_key(app_label, model).pk)
        except ContentType.DoesNotExist:
            continue
    return ids


def _marks(values):
    return ", ".join(["%s"] * len(values))


def _filters(params):
    """Each selected facet as (predicate on a ``Combination``, SQL condition on the matches)."""
    filters = {}
    if params.types:
        types = set(params.types)
        # An unknown type matches nothing (id 0 is never a content type).
        type_ids = _content_type_ids(params.types) or [0]
        filters["type"] = (
            lambda c: type_key(c.content_type_id) in types,
            (f"ct IN ({_marks(type_ids)})", type_ids),
        )
    if params.topics:
        topics = set(params.topics)
        filters["topic"] = (
            lambda c: bool(_topics_of(c.topic_ids) & topics),
            (
                "(" + " OR ".join(["topics LIKE %s"] * len(params.topics)) + ")",
                [f"%|{topic}|%" for topic in params.topics],
            ),
        )
    if params.groups:
        groups = set(params.groups)
        filters["group"] = (
            lambda c: c.working_group_id in groups,
            (f"wg IN ({_marks(params.groups)})", list(params.groups)),
        )
    if params.years:
        years = set(params.years)
        filters["year"] = (
            lambda c: c.year in years,
            (f"year IN ({_marks(params.years)})", list(params.years)),
        )
    return filters


def _count(combinations, predicates):
    """(matches passing every filter, counts per facet value ignoring that facet's own filter).

    A combination failing exactly one filter still counts for that filter's
    facet, so a visitor sees what choosing another value of it would give.
    """
    counts = {"type": {}, "topic": {}, "group": {}, "year": {}}
    total = 0

    def add(facet, value, n):
        counts[facet][value] = counts[facet].get(value, 0) + n

    for combination in combinations:
        failures = [name for name, check in predicates.items() if not check(combination)]
        if len(failures) > 1:
            continue
        failed = failures[0] if failures else None
        n = combination.count
        if failed is None:
            total += n
        if failed in (None, "type"):
            add("type", combination.content_type_id, n)
        if failed in (None, "topic"):
            for topic in _topics_of(combination.topic_ids):
                add("topic", topic, n)
        if failed in (None, "group") and combination.working_group_id:
            add("group", combination.working_group_id, n)
        if failed in (None, "year") and combination.year:
            add("year", combination.year, n)
    return total, counts


def _facets(counts, params, topic_names, group_names):
    selected = {
        "type": params.types,
        "topic": params.topics,
        "group": params.groups,
        "year": params.years,
    }

    def options(name, items, label):
        return [
            FacetOption(
                value, label(value), count, value in selected[name], params.toggled(name, value)
            )
            for value, count in items
        ]

    by_type = {}
    for content_type_id, count in counts["type"].items():
        key = type_key(content_type_id)
        label, total = by_type.get(key, (type_label(content_type_id), 0))
        by_type[key] = (label, total + count)
    type_items = sorted(
        ((key, total) for key, (_label, total) in by_type.items()), key=lambda i: -i[1]
    )

    def known(counter, names):
        return sorted(((k, c) for k, c in counter.items() if k in names), key=lambda i: -i[1])

    facets = [
        Facet("type", _("Type"), options("type", type_items, lambda key: by_type[key][0])),
        Facet(
            "topic",
            _("Topic"),
            options("topic", known(counts["topic"], topic_names), topic_names.get),
        ),
        Facet(
            "group",
            _("Working group"),
            options("group", known(counts["group"], group_names), group_names.get),
        ),
        Facet(
            "year", _("Year"), options("year", sorted(counts["year"].items(), reverse=True), str)
        ),
    ]
    return [facet for facet in facets if facet.options]


PREFERRED_LANGUAGE_BOOST = 1.5
# A file found by its own text ranks below the page that uses it (whose entry
# holds the same text as its attached files', in a longer row that bm25 weighs
# down): the page is the way into its files.
DOCUMENT_FACTOR = 0.2


def _per_language_maxima(pool, scores):
    """Each language's best score: scores come from each language's own statistics
    (and words have more or fewer forms in each), so they compare only within it."""
    maxima = {}
    for candidate in pool:
        score = scores.get(candidate.entry_id) or 0
        maxima[candidate.language] = max(maxima.get(candidate.language, 0), score)
    return maxima


def _coverage(query, languages, backend, entry_ids):
    """How many of the query's groups each entry matches (a long query's fallback)."""
    counts = {}
    for group in query.groups:
        one = ParsedQuery(query.raw, query.terms, [group])
        for entry_id in backend.scores(one, languages, entry_ids):
            counts[entry_id] = counts.get(entry_id, 0) + 1
    return counts


def _rank(pool, scores, preferred_language, coverage=None):
    """The pool's entry ids, most relevant first (the visitor's language preferred)."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    maxima = _per_language_maxima(pool, scores)
    several = len(maxima) > 1

    type_weights = settings.SEARCH_TYPE_WEIGHTS

    def key(candidate):
        boost = PREFERRED_LANGUAGE_BOOST if candidate.language == preferred_language else 1.0
        if candidate.content_type_id:
            boost *= type_weights.get(type_key(candidate.content_type_id), 1.0)
        if candidate.content_type_id == document_type:
            boost *= DOCUMENT_FACTOR
        if several and maxima[candidate.language]:
            boost /= maxima[candidate.language]
        score = (scores.get(candidate.entry_id) or 0) * boost
        matched = (coverage or {}).get(candidate.entry_id, 0)
        return (matched, score, candidate.sort_key, candidate.entry_id)

    return [candidate.entry_id for candidate in sorted(pool, key=key, reverse=True)]


def _window_ids(retrieved, ranked_pool, window):
    """The shown page's entry ids, from the ranked pool and what lies beyond it."""
    if window.sort == "date":
        return retrieved.rest
    shown = ranked_pool[window.start : window.start + window.size]
    return shown + retrieved.rest[: window.size - len(shown)]


def _forms_of(query, languages):
    return {
        form
        for group in query.groups
        for term in group
        for word in term.raw or term.words
        for language in languages
        for form in text.query_forms(word, language)
    }


def _hits(entries, attachments, query, languages):
    wanted = _forms_of(query, languages)
    files_by_entry = {}
    for attachment in attachments:
        if wanted & set(attachment.stems.split()):
            files_by_entry.setdefault(attachment.entry_id, []).append(attachment)
    hits = []
    for entry in entries:
        matched_files = files_by_entry.get(entry.pk, [])
        snippet, found = text.highlight(entry.body, query.all_words, languages)
        snippet_file = ""
        if not found and matched_files:
            snippet, found = text.highlight(
                matched_files[0].excerpt_source, query.all_words, languages
            )
            snippet_file = matched_files[0].title
        hits.append(
            Hit(entry, type_label(entry.content_type_id), "", snippet, matched_files, snippet_file)
        )
    return hits


def _promotions(params, visible_entries):
    """Editors' promoted results for this query, limited to pages the public may see."""
    candidates = {text.analytics_key(params.q), normalise_query_string(params.q)}
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=candidates)
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    if not page_ids:
        return promotions
    visible = set(
        visible_entries.filter(kind=SearchEntry.Kind.PAGE, page_id__in=page_ids).values_list(
            "page_id", flat=True
        )
    )
    return [p for p in promotions if not p.page_id or p.page_id in visible]


def record(params, total):
    """Count this search for the analytics (one upsert; never fails the search)."""
    key = text.analytics_key(params.q)
    if not key or params.page != 1:
        return
    week = week_start(timezone.localdate())
    zero = 1 if total == 0 else 0
    table = QueryRecord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (language, week, query, searches, zero_result_searches) "
            "VALUES (%s, %s, %s, 1, %s) ON CONFLICT (language, week, query) DO UPDATE SET "
            f"searches = {table}.searches + 1, "
            f"zero_result_searches = {table}.zero_result_searches + %s",
            [params.lang, week, key, zero, zero],
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
# hold: "did you mean" is offered; with no results at all, its results are shown.
FEW_RESULTS = 3


def search(params, *, record_query=True):
    """Run a search; never raises for any ``q``.

    When every word matching finds nothing, a long query is retried with any
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
    results = _search(params, query, languages, backend)
    if results.total < FEW_RESULTS:
        _correct(results, languages, backend)
    if not results.total and len(query.groups) >= ANY_WORDS_FROM:
        results = _search(params, query.any_of(), languages, backend)
        if results.total:
            results.message = SOME_WORDS_MESSAGE
    if not results.total and not results.message:
        results.message = NO_RESULTS_MESSAGE
    if record_query:
        record(params, results.total)
    return results


def _public_word(word, params, languages, backend):
    """Whether a public entry holds ``word`` in exactly that form (nothing private leaks)."""
    exact = parse(f'"{word}"')
    probe = SearchParams(q=params.q, lang=params.lang, per_page=PER_PAGE_CHOICES[0])
    return bool(_search(probe, exact, languages, backend, count_only=True).total)


def _correct(results, languages, backend):
    """Offer the corrected query, and show its results when the correction is unambiguous."""
    found = correction.correct(results.query, languages, backend)
    if not found:
        return
    corrected_words = set(text.words(found.query)) - set(results.query.terms)
    if not all(_public_word(w, results.params, languages, backend) for w in corrected_words):
        return
    results.did_you_mean = found.query
    results.did_you_mean_url = results.params.url(q=found.query, page=1)
    if results.total or not found.unambiguous:
        return  # a few results through a stem stay: the correction is only offered
    query = parse(found.query, synonym_sets(languages))
    corrected = _search(results.params, query, languages, backend)
    if corrected.total:
        corrected.did_you_mean = found.query
        corrected.corrected_from = results.params.q
        results.__dict__.update(corrected.__dict__)


def _search(params, query, languages, backend, count_only=False):
    """The results of a parsed query (the statement, the ranking, the shown rows)."""
    results = SearchResults(params=params, query=query)
    visible_entries = base_queryset(languages)
    match = backend.match(query, languages)
    filters = _filters(params)
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
    results.total, counts = _count(retrieved.combinations, predicates)
    if count_only:
        return results
    by_language = results.language_counts
    for combination in retrieved.combinations:
        by_language[combination.language] = (
            by_language.get(combination.language, 0) + combination.count
        )

    topic_names = dict(
        Topic.objects.filter(locale__language_code__in=languages).values_list("id", "name")
    )
    group_names = dict(
        WorkingGroupPage.objects.filter(locale__language_code__in=languages).values_list(
            "id", "title"
        )
    )
    results.facets = _facets(counts, params, topic_names, group_names)

    results.num_pages = max(1, math.ceil(results.total / params.per_page))
    if params.page > results.num_pages:
        # Past the last page: show the last one (one more statement, only then).
        params.page = results.num_pages
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
                coverage = _coverage(query, languages, backend, pool_ids)
        ranked_pool = _rank(retrieved.pool, scores, params.interface_language, coverage)
    shown_ids = _window_ids(retrieved, ranked_pool, window)

    entries = SearchEntry.objects.in_bulk(shown_ids)
    attachments = (
        SearchAttachment.objects.filter(entry_id__in=shown_ids)
        .exclude(document__collection_id__in=restricted_collection_ids())
        .annotate(excerpt_source=Substr("text", 1, 100_000))
        .defer("text")
        .order_by("title")
    )
    hits = _hits(
        [entries[i] for i in shown_ids if i in entries], list(attachments), query, languages
    )
    for hit in hits:
        hit.group_title = group_names.get(hit.entry.working_group_id, "")
    results.hits = hits
    results.promotions = _promotions(params, visible_entries) if params.page == 1 else []
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
