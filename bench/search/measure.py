"""Index time and query latency in the configured database (run by ``bench.search.run``).

    python -m bench.search.measure --index-only     # rebuild; entries and index seconds
    python -m bench.search.measure 10               # the query set, 10 runs of each

Each prints one JSON line. ``bench.search.run`` indexes and queries in two
processes, as a site does (the rebuild command is not the web worker).
Latency is the engine's full work for a results page (matching, facets, the
shown rows, attached files, labels, promotions), as the view runs it: inside a
request's memo (``operations.request_memo``), so the answers a web worker keeps
until the public view changes (hidden sections, restricted collections, facet
labels) are read once, as they are on a site. p50 and p95 (ms) of the fixed
query set plain, with filters, and over all languages.
"""

import json
import statistics
import sys
import time

import django

QUERIES = [
    ("ca", "cooperativa"),
    ("ca", "cooperatives habitatge"),
    ("ca", "economia social solidaria"),
    ("ca", "contractacio publica responsable"),
    ("ca", "col.laboracio"),
    ("ca", "ESS"),
    ("es", "vivienda cooperativa"),
    ("es", "finanzas eticas"),
    ("en", "housing cooperative"),
    ("en", "climate crisis funds"),
    ("ca", "fitxer123"),
    ("ca", "paraulainexistent"),
]
FILTERS = {"year": ["2026"], "type": ["home.standardpage"], "sort": ["date"]}


class Params(dict):
    def getlist(self, key):
        return self.get(key, [])

    def get(self, key, default=None):
        value = super().get(key, default)
        if isinstance(value, list) and key not in ("type", "topic", "group", "year"):
            return value[0] if value else default
        return value


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timings(engine, repeat, extra, all_languages=False):
    from operations.request_memo import request_memo

    samples = []
    for language, query in QUERIES:
        data = Params({"q": [query], **extra})
        if all_languages:
            data["lang"] = ["all"]
        for _ in range(repeat):
            params = engine.SearchParams.from_query(data, language)
            started = time.perf_counter()
            with request_memo():
                engine.search(params, record_query=False)
            samples.append((time.perf_counter() - started) * 1000)
    return {"p50": statistics.median(samples), "p95": percentile(samples, 0.95)}


def index():
    from search.indexing import rebuild

    started = time.perf_counter()
    pages, documents = rebuild()
    return {"entries": pages + documents, "index_seconds": time.perf_counter() - started}


def queries(repeat):
    from operations.request_memo import request_memo
    from search import engine
    from search.models import SearchEntry

    for language, query in QUERIES:  # warm-up: caches, stemmers, database buffers
        params = engine.SearchParams.from_query(Params({"q": [query]}), language)
        with request_memo():
            engine.search(params, record_query=False)
    return {
        "entries": SearchEntry.objects.count(),
        "plain": timings(engine, repeat, {}),
        "filtered": timings(engine, repeat, FILTERS),
        "all": timings(engine, repeat, {}, all_languages=True),
    }


if __name__ == "__main__":
    sys.path[:0] = [".", "site"]
    django.setup()
    if "--index-only" in sys.argv:
        print(json.dumps(index()))
    else:
        print(json.dumps(queries(int(sys.argv[1]) if len(sys.argv) > 1 else 10)))
