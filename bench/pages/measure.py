"""Measure one database's public pages in this process (run by ``bench.pages.run``).

For one page of each public type in each language (``operations.page_samples``,
plus the sitemap and a search with a query), with the page cache off and then
on: the SQL queries of one request after a warm-up, and the median time of
``--rounds`` requests through Django's test client, interleaved (every page
once per round) so that a slow moment of the machine spreads over all pages.
Prints one JSON object: ``{"pages": [{kind, language, path, off: {queries,
ms, samples}, on: {...}}]}``.

Another Django project (the reference demo, ``run --reference``) is measured by
this same code in that project's own interpreter and settings: ``--paths`` names
its pages (a JSON list of ``[kind, language, path]``) and ``--modes off`` leaves
out the page cache it does not have.
"""

import argparse
import json
import statistics
import time

import django


def _samples():
    from wagtail.models import Locale

    from operations.page_samples import page_samples, view_samples

    languages = list(
        Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    )
    samples = [
        (s.kind, s.language, s.path)
        for s in page_samples() + view_samples(languages)
        # Forms that answer a token or a POST are not pages a crawler reads.
        if not s.kind.startswith("view:subscriptions:")
    ]
    samples += [("view:search?q", lang, f"/{lang}/search/?q=cooperativa") for lang in languages]
    samples.append(("view:sitemap", "-", "/sitemap.xml"))
    return sorted(samples, key=lambda s: (s[0], s[1]))


def _queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(captured)


def _times(client, paths, rounds):
    times = {path: [] for path in paths}
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            client.get(path)
            times[path].append((time.perf_counter() - start) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--paths", help="JSON list of [kind, language, path] (another project)")
    parser.add_argument("--modes", default="off,on", help="page cache off, on, or both")
    args = parser.parse_args()
    django.setup()
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()  # the test client's ALLOWED_HOSTS entry
    samples = [tuple(s) for s in json.loads(args.paths)] if args.paths else _samples()
    paths = [path for _kind, _lang, path in samples]
    modes = args.modes.split(",")
    client = Client()
    results = {}
    with override_settings(DEBUG=False):
        for mode, seconds in (("off", 0), ("on", 600)):
            if mode not in modes:
                continue
            with override_settings(PAGE_CACHE_SECONDS=seconds):
                queries = {path: _queries(client, path) for path in paths}
                times = _times(client, paths, args.rounds)
            results[mode] = {
                p: {"queries": queries[p], "ms": statistics.median(times[p]), "samples": times[p]}
                for p in paths
            }
    pages = [
        {"kind": kind, "language": lang, "path": path}
        | {mode: results[mode][path] for mode in results}
        for kind, lang, path in samples
    ]
    print(json.dumps({"pages": pages}))


if __name__ == "__main__":
    main()
