"""Relevance of the public search over a judged query set (run by ``bench.search.run``).

    python -m bench.search.relevance            # in a configured database (prints JSON)

The queries and their judgements are data: ``bench/search/judgements.toml``.
Each query names the titles of the results a member would want, the best
one first, or says that it must find nothing (a file is named "file: <its
title>", as a guide's PDF often has the guide's title). Per language:

* **MRR**: the mean of 1 / rank of the first wanted result in the first 50
  (0 when none is there);
* **P@5**: wanted results among the first five, divided by
  min(5, number of wanted results), so a query with one right answer can
  score 1;
* **best first**: the share of queries whose first result is the best one (or
  one of the ``best`` first titles of ``expect``, when a query names several
  equally good answers, such as an event and its press release).

A query that must find nothing scores 1 on all three when it finds nothing
(a "did you mean" correction that is shown counts as what was found).
"""

import json
import sys
import tomllib
from pathlib import Path

import django

JUDGEMENTS = Path(__file__).with_name("judgements.toml")
DEPTH = 50


def load(path=JUDGEMENTS):
    with open(path, "rb") as handle:
        return tomllib.load(handle)["query"]


class Params(dict):
    def getlist(self, key):
        return self.get(key, [])


def results_for(engine, judged):
    data = Params(q=judged["q"], lang=judged["lang"], per_page=str(DEPTH))
    params = engine.SearchParams.from_query(data, judged["lang"])
    found = engine.search(params, record_query=False)
    return [_name(hit.entry) for hit in found.hits]


def _name(entry):
    """A page by its title; a file as "file: <title>" (a guide's PDF shares its title)."""
    return f"file: {entry.title}" if entry.kind == "document" else entry.title


def score(judged, urls):
    """(reciprocal rank, precision at 5, best first) of one query's result titles."""
    wanted = judged.get("expect", [])
    if not wanted:
        empty = 1.0 if not urls else 0.0
        return empty, empty, empty
    rank = next((n for n, url in enumerate(urls, 1) if url in wanted), None)
    top = sum(1 for url in urls[:5] if url in wanted)
    return (
        1.0 / rank if rank else 0.0,
        top / min(5, len(wanted)),
        1.0 if urls and urls[0] in wanted[: judged.get("best", 1)] else 0.0,
    )


def evaluate(engine, queries):
    by_language, misses = {}, []
    for judged in queries:
        urls = results_for(engine, judged)
        rr, p5, first = score(judged, urls)
        by_language.setdefault(judged["lang"], []).append((rr, p5, first))
        if first < 1:
            misses.append(
                {"lang": judged["lang"], "q": judged["q"], "rr": round(rr, 2), "top": urls[:3]}
            )
    summary = {}
    for language, rows in [*sorted(by_language.items()), ("all", _all(by_language))]:
        n = len(rows)
        summary[language] = {
            "queries": n,
            "mrr": sum(r[0] for r in rows) / n,
            "p5": sum(r[1] for r in rows) / n,
            "best_first": sum(r[2] for r in rows) / n,
        }
    return {"relevance": summary, "misses": misses}


def _all(by_language):
    return [row for rows in by_language.values() for row in rows]


def main(path=JUDGEMENTS):
    from search import engine

    print(json.dumps(evaluate(engine, load(path))))


if __name__ == "__main__":
    sys.path[:0] = [".", "site"]
    django.setup()
    main(sys.argv[1] if len(sys.argv) > 1 else JUDGEMENTS)
