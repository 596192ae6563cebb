"""Facets from the matches' combinations: which filters apply, and counts that ignore
each facet's own selection (so they say what choosing another value gives).
"""

from dataclasses import dataclass
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _


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


def type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name).capitalize() if model else ""


@lru_cache(maxsize=512)
def type_key(content_type_id):
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


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


def selected_filters(params):
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


def count_matches(combinations, predicates):
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


def build_facets(counts, params, topic_names, group_names):
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
