"""One export of the library, measured in this fresh process (run by bench.library_export.run).

    python -m bench.library_export.export csv|json

Requests ``/ca/biblioteca/export/<format>/`` through Django's test client, reads
the streamed body chunk by chunk without keeping it, and prints one line of
JSON: items, bytes, seconds (and the CPU seconds of this process, which a
busy machine changes less), the resident memory before the request, the
process's peak resident memory (``ru_maxrss``) after it, and the number of
results the library page itself finds for the same (empty) filter, which the
items must equal.
"""

import json
import resource
import sys
import time

import django


def rss_mib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main(export_format):
    django.setup()
    from django.test import Client, RequestFactory

    from knowledge.models import LibraryPage

    library = LibraryPage.objects.get(locale__language_code="ca")
    url = library.url
    client = Client()
    client.get(url)  # warm up: imports, templates, site root paths
    before = rss_mib()
    started = time.perf_counter()
    cpu_started = time.process_time()
    response = client.get(f"{url}export/{export_format}/")
    assert response.status_code == 200 and response.streaming
    size = 0
    items = 0
    marker = b"\n" if export_format == "csv" else b'"translation_key"'
    for chunk in response.streaming_content:
        size += len(chunk)
        items += chunk.count(marker)  # CSV: lines, header included
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    library_items = library.filterset(RequestFactory().get(url)).qs.count()
    print(
        json.dumps(
            {
                "items": items - 1 if export_format == "csv" else items,
                "bytes": size,
                "seconds": elapsed,
                "cpu_seconds": cpu,
                "rss_before_mib": before,
                "peak_rss_mib": peak,
                "library_items": library_items,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
