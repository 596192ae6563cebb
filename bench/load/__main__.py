"""Load test of the demo served by gunicorn: ``python -m bench.load [--seconds 10]``.

Builds the demo once (production settings, its own database), then for the page
cache off and on: serves it with gunicorn and loads the home page, a guide, the
library, a search and a static file with ``wrk`` (Debian's package) for a bounded
time each, on 127.0.0.1 only. Prints requests/s, p50/p99 latency, errors, each
page's throughput as a share of the static file's, and cached vs uncached.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.server import DemoServer  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def run_wrk(url, seconds, connections, threads):
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    errors = 0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99": _milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": errors,
    }


def targets(server):
    samples = json.loads(server.manage("sample_pages", "--json").stdout)
    first = {s["kind"]: s["path"] for s in reversed(samples) if s["language"] == "ca"}
    manifest = json.loads((server.workdir / "static" / "staticfiles.json").read_text())
    return {
        "home": "/ca/",
        "guide": first["knowledge.GuidePage"],
        "library": first["knowledge.LibraryPage"],
        "search": "/ca/search/?q=habitatge",
        "static file": "/static/" + manifest["paths"]["css/site.css"],
    }


def measure(server, paths, cache_seconds, args):
    server.env["PAGE_CACHE_SECONDS"] = str(cache_seconds)
    shutil.rmtree(server.workdir / "cache", ignore_errors=True)
    server.start(workers=args.workers)
    try:
        results = {}
        for name, path in paths.items():
            url = server.base_url + path
            subprocess.run(
                ["curl", "-sf", "-o", "/dev/null", url], check=True
            )  # warm up (fills the cache)
            results[name] = run_wrk(url, args.seconds, args.connections, args.threads)
        return results
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)
        server.process = None


def report(paths, runs):
    static = {mode: results["static file"]["rps"] for mode, results in runs.items()}
    print(
        f"\n{'page':<12} {'cache':<9} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} "
        f"{'errors':>7} {'vs static':>10}"
    )
    for name in paths:
        for mode, results in runs.items():
            r = results[name]
            print(
                f"{name:<12} {mode:<9} {r['rps']:>9.1f} {r['p50']:>9.2f} {r['p99']:>9.2f} "
                f"{r['errors']:>7} {r['rps'] / static[mode]:>10.3f}"
            )
    print("\ncached vs uncached (median latency ratio, throughput ratio):")
    for name in paths:
        if name == "static file":
            continue
        off, on = runs["off"][name], runs["on"][name]
        print(
            f"  {name:<12} p50 {off['p50']:.2f} ms → {on['p50']:.2f} ms: "
            f"{off['p50'] / on['p50']:.1f}× faster; "
            f"{on['rps'] / off['rps']:.1f}× the requests/s"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=int, default=10, help="load time per URL and mode (default 10)"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench/load needs wrk: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    server = DemoServer(workdir, suffix="bench")
    try:
        print("building the demo (migrate, load_demo, collectstatic)…", flush=True)
        server.build()
        paths = targets(server)
        for name, path in paths.items():
            print(f"  {name:<12} {path}")
        runs = {}
        for mode, seconds in (("off", 0), ("on", 600)):
            print(
                f"loading with the page cache {mode} "
                f"({args.seconds} s per URL, {args.connections} connections)…",
                flush=True,
            )
            runs[mode] = measure(server, paths, seconds, args)
        report(paths, runs)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
