"""Load test of the demo served as a fleet: ``python -m bench.load [--seconds 10]``.

Builds the demo once (production settings, its own database: PostgreSQL when
DATABASE_URL names one, otherwise SQLite), then serves it as the production
process model does (tests/fleet/fleet.py): two gunicorn app servers with the
shipped ``docs/deploy/gunicorn.conf.py``, one task worker, Redis at
127.0.0.1:6379 for the cache, one media folder. With the page cache off, then
on, it loads the home page, a guide, the library, a search and a static file
with ``wrk`` (Debian's package) on both servers at once, for a bounded time
each, on 127.0.0.1 only, with the public host name a proxy would send.

Prints, side by side: requests/s per page uncached and cached, each as a share
of the static file's, p99 latency, errors; the gunicorn workers' memory (RSS,
and PSS, which splits shared pages between the workers that share them) and the
task worker's; how many gunicorn workers were restarted during each pass.

``--set NAME=VALUE`` overrides one setting of the shipped gunicorn config for
the run (e.g. ``--set preload_app=False --set max_requests=2000``), to compare.
"""

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.fleet.fleet import (  # noqa: E402
    GUNICORN_CONFIG,
    PUBLIC_HOST,
    Fleet,
    memory_kib,
    redis_unavailable,
)

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
STATIC = "static file"


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
            "-H",
            f"Host: {PUBLIC_HOST}",
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
        "p99": _milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "errors": errors,
    }


def load_every_server(fleet, path, args):
    """Both servers loaded at once, half the connections each: summed requests/s."""
    share = max(1, args.connections // len(fleet.servers))
    threads = max(1, args.threads // len(fleet.servers))
    with ThreadPoolExecutor(len(fleet.servers)) as pool:
        runs = list(
            pool.map(
                lambda server: run_wrk(server.url + path, args.seconds, share, threads),
                fleet.servers,
            )
        )
    return {
        "rps": sum(run["rps"] for run in runs),
        "p99": max(run["p99"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
    }


def targets(fleet):
    samples = json.loads(fleet.manage("sample_pages", "--json").stdout)
    first = {s["kind"]: s["path"] for s in reversed(samples) if s["language"] == "ca"}
    manifest = json.loads((fleet.workdir / "static" / "staticfiles.json").read_text())
    return {
        "home": "/ca/",
        "guide": first["knowledge.GuidePage"],
        "library": first["knowledge.LibraryPage"],
        "search": "/ca/search/?q=habitatge",
        STATIC: "/static/" + manifest["paths"]["css/site.css"],
    }


def memory(fleet):
    """(RSS, PSS) in MB of every gunicorn worker, and the task worker's RSS in MB."""
    workers = [memory_kib(pid) for server in fleet.servers for pid in server.worker_pids()]
    workers = [(rss / 1024, pss / 1024) for rss, pss in filter(None, workers)]
    task_worker = memory_kib(fleet.worker.pid) if fleet.worker else None
    return workers, (task_worker[0] / 1024 if task_worker else 0.0)


def _boots(fleet):
    return sum(server.boots() for server in fleet.servers)


def measure(fleet, paths, cache_seconds, config, args):
    booted_before = _boots(fleet)
    fleet.start(config, PAGE_CACHE_SECONDS=str(cache_seconds))
    try:
        results = {}
        # The static file first and last: the reference is their mean, so that a change
        # in the machine's other load during the pass weighs on both sides alike.
        order = [STATIC, *(name for name in paths if name != STATIC), STATIC]
        for name in order:
            path = paths[name]
            for server in fleet.servers:  # warm up the workers (and fill the cache)
                for _ in range(args.workers * 2):
                    subprocess.run(
                        ["curl", "-sf", "-o", "/dev/null", "-H", f"Host: {PUBLIC_HOST}"]
                        + [server.url + path],
                        check=True,
                    )
            run = load_every_server(fleet, path, args)
            if name in results:  # the static file's second run
                first = results[name]
                run = {
                    "rps": (first["rps"] + run["rps"]) / 2,
                    "p99": max(first["p99"], run["p99"]),
                    "errors": first["errors"] + run["errors"],
                }
            results[name] = run
        results["memory"] = memory(fleet)
        first_boots = fleet.workers_per_server * len(fleet.servers)
        results["restarts"] = _boots(fleet) - booted_before - first_boots
        return results
    finally:
        fleet.stop_processes()
        time.sleep(1)


def override_config(workdir, settings):
    """The shipped gunicorn config with some settings replaced, for a comparison run."""
    path = Path(workdir) / "gunicorn.override.py"
    lines = [f"exec(open({str(GUNICORN_CONFIG)!r}).read())"]
    for setting in settings:
        name, _, value = setting.partition("=")
        ast.literal_eval(value)  # a Python literal, nothing else
        lines.append(f"{name.strip()} = {value.strip()}")
    path.write_text("\n".join(lines) + "\n")
    return path


def report(paths, runs, args, overrides):
    off, on = runs["off"], runs["on"]
    print(
        f"\n{args.servers} app servers × {args.workers} gunicorn workers, "
        f"{args.connections} connections, {args.seconds} s per URL; gunicorn config: "
        f"{'shipped' if not overrides else 'shipped with ' + ', '.join(overrides)}"
    )
    print(
        f"\n{'page':<12} {'uncached':>9} {'cached':>9} {'cached×':>8} "
        f"{'÷static':>8} {'p99 ms':>8} {'errors':>7}"
    )
    for name in paths:
        a, b = off[name], on[name]
        print(
            f"{name:<12} {a['rps']:>9.1f} {b['rps']:>9.1f} {b['rps'] / a['rps']:>8.1f} "
            f"{b['rps'] / on[STATIC]['rps']:>8.2f} {b['p99']:>8.1f} "
            f"{a['errors'] + b['errors']:>7}"
        )
    print(
        "  (req/s summed over both servers; the static file's is the mean of a run before\n"
        "   and after the pages; ÷static and p99 are the cached pass's)"
    )
    print(f"\n{'':<24} {'uncached pass':>14} {'cached pass':>12}")
    for label, pick in (
        ("worker RSS MB (mean)", lambda w: sum(r for r, _ in w) / len(w)),
        ("worker PSS MB (mean)", lambda w: sum(p for _, p in w) / len(w)),
        ("workers' total PSS MB", lambda w: sum(p for _, p in w)),
    ):
        print(f"{label:<24} {pick(off['memory'][0]):>14.0f} {pick(on['memory'][0]):>12.0f}")
    print(f"{'task worker RSS MB':<24} {off['memory'][1]:>14.0f} {on['memory'][1]:>12.0f}")
    print(f"{'worker restarts':<24} {off['restarts']:>14} {on['restarts']:>12}")
    share = on["home"]["rps"] / on[STATIC]["rps"]
    verdict = "reaches" if share >= 0.5 else "does NOT reach"
    print(f"\ncached home page: {share:.0%} of the static file's req/s ({verdict} 50%)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=int, default=10, help="load time per URL and pass (default 10)"
    )
    parser.add_argument("--connections", type=int, default=8, help="over both servers")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads over both servers")
    parser.add_argument("--servers", type=int, default=2, help="app servers (default 2)")
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn workers per app server (default 2)"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a setting of docs/deploy/gunicorn.conf.py for this run",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench/load needs wrk: apt-get install wrk")
    missing = redis_unavailable()
    if missing:
        sys.exit(f"bench/load serves a fleet that shares a Redis: {missing}")
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    fleet = Fleet(workdir, servers=args.servers, workers_per_server=args.workers)
    try:
        print("building the demo (copy of the test build, collectstatic)…", flush=True)
        fleet.build()
        config = override_config(workdir, args.set)
        paths = targets(fleet)
        for name, path in paths.items():
            print(f"  {name:<12} {path}")
        runs = {}
        for mode, seconds in (("off", 0), ("on", 600)):
            print(f"loading with the page cache {mode}…", flush=True)
            runs[mode] = measure(fleet, paths, seconds, config, args)
        report(paths, runs, args, args.set)
    finally:
        fleet.stop()


if __name__ == "__main__":
    main()
