"""Page benchmark: every public page type, uncached and cached, per database and size.

    python -m bench.pages                          # sqlite, postgres; demo, demo + 5,000 pages
    python -m bench.pages --only sqlite:0 --rounds 60
    python -m bench.pages --reuse                  # keep databases built by an earlier run
    python -m bench.pages --tree /path/to/checkout # measure another checkout (before/after)
    python -m bench.pages --reference /path/to/bakerydemo [--tree …] [--rounds 90]

``--reference``: side by side with Wagtail's reference demo (bakerydemo), each
comparable page of ours against the reference's (``COMPARABLE``), page cache
off. The reference runs in its own interpreter (``--reference-python``, by
default ``<reference>/.venv/bin/python``) with its own settings (SQLite, DEBUG
overridden off) and is measured by this same ``bench.pages.measure``; the two
processes alternate in ``--blocks`` blocks of rounds so that the machine's
slow moments fall on both, and each page's median is over all its requests.
Set the reference up once (nothing of it is copied here)::

    git clone <bakerydemo> /path/to/bakerydemo && cd /path/to/bakerydemo
    python3.11 -m venv .venv && .venv/bin/pip install wagtail==8.0.1 Django==5.2.* \
        python-dotenv wagtail-font-awesome-svg "django-debug-toolbar<5" \
        django-extensions "django-csp<4" dj-database-url
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_initial_data
    .venv/bin/python manage.py collectstatic --noinput

Each database is built once (``migrate``, ``load_demo``, ``collectstatic``, then
``generate_content --pages N`` when N > 0) in ``/tmp/pages-bench/<db>-<N>/``
(SQLite) or ``pages_bench_<N>`` on PostgreSQL at ``--postgres``; it runs with
DEBUG off, the shipped static files storage and Redis at ``--redis`` for the
cache, as in production. Then ``bench.pages.measure`` serves one page of each
public type in each language through Django's test client, with the page cache
off and on, and prints queries and median milliseconds per page; this prints
them as a table, with each page's time as a ratio to the cheapest page of the
same run and mode.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench.scratch import run_python, scratch_environment

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
WORK = Path("/tmp/pages-bench")
DEFAULT_RUNS = ["sqlite:0", "sqlite:5000", "postgres:0", "postgres:5000"]

# The reference demo's pages (bakerydemo's demo data) and which of ours compares to each.
REFERENCE_PAGES = [
    ("home", "-", "/"),
    ("blog index", "-", "/blog/"),
    ("blog page", "-", "/blog/wild-yeast/"),
    ("breads listing", "-", "/breads/"),
    ("locations listing", "-", "/locations/"),
    ("search", "-", "/search/?q=bread"),
]
COMPARABLE = [  # (our page kind, language, the reference's page)
    ("home.HomePage", "ca", "home"),
    ("news.NewsIndexPage", "ca", "blog index"),
    ("news.NewsPage", "ca", "blog page"),
    ("knowledge.GuideChapterPage", "ca", "blog page"),
    ("knowledge.LibraryPage", "ca", "breads listing"),
    ("members.MemberDirectoryPage", "ca", "locations listing"),
    ("view:search?q", "ca", "search"),
]


def environment(db, size, postgres, redis, tree):
    folder = WORK / f"{db}-{size}"
    env = scratch_environment(
        folder,
        postgres=postgres if db != "sqlite" else None,
        database=f"pages_bench_{size}",
        tree=tree,
        CACHE_URL=redis,
        CACHE_KEY_PREFIX=f"pages-bench-{db}-{size}",
    )
    return env, folder


def call(args, env, cwd):
    run_python(args, env, cwd=cwd)


def build(db, size, postgres, redis, tree):
    env, folder = environment(db, size, postgres, redis, tree)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if db == "postgres":
        call(
            [
                "-c",
                (
                    "import psycopg,sys\n"
                    "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
                    "  c.execute(f'DROP DATABASE IF EXISTS pages_bench_{sys.argv[2]}')\n"
                    "  c.execute(f'CREATE DATABASE pages_bench_{sys.argv[2]}')"
                ),
                postgres.rstrip("/") + "/postgres",
                str(size),
            ],
            env,
            tree,
        )
    call(["manage.py", "migrate", "--noinput", "-v0"], env, tree)
    call(["manage.py", "load_demo", "-v0"], env, tree)
    call(["manage.py", "collectstatic", "--noinput", "-v0"], env, tree)
    if size:
        call(["manage.py", "generate_content", "--pages", str(size), "--no-progress"], env, tree)
    (folder / "built").write_text(str(size))


def measure(db, size, postgres, redis, tree, rounds):
    env, _folder = environment(db, size, postgres, redis, tree)
    call(["manage.py", "migrate", "--noinput", "-v0"], env, tree)
    call(["manage.py", "collectstatic", "--noinput", "-v0"], env, tree)
    out = subprocess.run(
        [PYTHON, "-m", "bench.pages.measure", "--rounds", str(rounds)],
        cwd=tree,  # ``bench`` is a namespace package: ``bench.pages`` comes from ROOT
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])["pages"]


MEASURE = Path(__file__).with_name("measure.py")


def _measure_once(python, cwd, env, rounds, paths):
    # By file: this checkout's measure.py, whichever tree (or project) is measured.
    out = subprocess.run(
        [python, str(MEASURE), "--rounds", str(rounds), "--modes", "off"]
        + ["--paths", json.dumps(paths)],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])["pages"]


def _merge(blocks):
    """One entry per page: its queries, and the median over every block's requests."""
    merged = {}
    for pages in blocks:
        for page in pages:
            entry = merged.setdefault(page["path"], {**page, "samples": []})
            entry["samples"] += page["off"]["samples"]
    for entry in merged.values():
        entry["queries"] = entry["off"]["queries"]
        entry["ms"] = statistics.median(entry["samples"])
    return merged


def compare_with_reference(args):
    """Our comparable pages and the reference demo's, alternating, page cache off."""
    env, _folder = environment("sqlite", 0, args.postgres, args.redis, args.tree)
    if not (args.reuse and (_folder / "built").exists()):
        build("sqlite", 0, args.postgres, args.redis, args.tree)
    call(["manage.py", "migrate", "--noinput", "-v0"], env, args.tree)
    ours = _our_comparable_paths(env, args.tree)
    reference = args.reference.resolve()
    python = str(args.reference_python or reference / ".venv" / "bin" / "python")
    ref_env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH", "VIRTUAL_ENV")
    }
    ref_env |= {"DJANGO_SETTINGS_MODULE": "bakerydemo.settings.dev", "PYTHONPATH": str(reference)}
    rounds = max(1, args.rounds // args.blocks)
    our_blocks, ref_blocks = [], []
    for block in range(args.blocks):
        print(f"block {block + 1}/{args.blocks}…", file=sys.stderr, flush=True)
        our_blocks.append(_measure_once(PYTHON, args.tree, env, rounds, ours))
        ref_blocks.append(
            _measure_once(python, reference, ref_env, rounds, [list(p) for p in REFERENCE_PAGES])
        )
    our_pages, ref_pages = _merge(our_blocks), _merge(ref_blocks)
    by_kind = {(p["kind"], p["language"]): p for p in our_pages.values()}
    ref_by_kind = {p["kind"]: p for p in ref_pages.values()}
    print(
        f"\n### ours (sqlite, demo) vs reference demo, page cache off, {rounds * args.blocks} "
        "requests a page\n"
    )
    print("| our page | reference page | queries | ref. queries | ms | ref. ms | ratio |")
    print("|---|---|---|---|---|---|---|")
    for kind, language, ref_kind in COMPARABLE:
        page, ref = by_kind.get((kind, language)), ref_by_kind[ref_kind]
        if page is None:
            continue
        print(
            f"| {kind} `{page['path']}` | {ref_kind} `{ref['path']}` | {page['queries']} | "
            f"{ref['queries']} | {page['ms']:.1f} | {ref['ms']:.1f} | "
            f"{page['ms'] / ref['ms']:.2f} |"
        )
    return {"ours": list(our_pages.values()), "reference": list(ref_pages.values())}


def _our_comparable_paths(env, tree):
    """The paths of our pages named in ``COMPARABLE`` (from ``operations.page_samples``)."""
    wanted = json.dumps([[kind, language] for kind, language, _ref in COMPARABLE])
    out = subprocess.run(
        [
            PYTHON,
            "-c",
            (
                "import django, json, sys\n"
                "django.setup()\n"
                f"sys.path.insert(0, {str(MEASURE.parent)!r})\n"
                "from measure import _samples\n"
                "wanted = {tuple(w) for w in json.loads(sys.argv[1])}\n"
                "print(json.dumps([list(s) for s in _samples() if s[:2] in wanted]))"
            ),
            wanted,
        ],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_table(db, size, pages):
    cheapest = {
        mode: min(page[mode]["ms"] for page in pages if page[mode]["ms"] > 0)
        for mode in ("off", "on")
    }
    print(f"\n### {db}, demo + {size} pages\n")
    print("| page | lang | queries off | ms off | ratio off | queries on | ms on | ratio on |")
    print("|---|---|---|---|---|---|---|---|")
    for page in pages:
        off, on = page["off"], page["on"]
        print(
            f"| {page['kind']} | {page['language']} | {off['queries']} | {off['ms']:.1f} | "
            f"{off['ms'] / cheapest['off']:.1f} | {on['queries']} | {on['ms']:.1f} | "
            f"{on['ms'] / cheapest['on']:.1f} |"
        )
    worst = max(page["off"]["queries"] for page in pages)
    print(f"\nmost queries uncached: {worst}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", default=DEFAULT_RUNS, help="db:pages pairs")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--reuse", action="store_true", help="reuse databases already built")
    parser.add_argument("--rounds", type=int, default=30, help="requests of each page per mode")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--reference", type=Path, help="a bakerydemo checkout: compare with it")
    parser.add_argument("--reference-python", type=Path, help="the reference's interpreter")
    parser.add_argument("--blocks", type=int, default=6, help="alternations with the reference")
    args = parser.parse_args(argv)
    if args.reference:
        results = compare_with_reference(args)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
        return
    results = {}
    for run in args.only:
        db, size = run.split(":")
        size = int(size)
        _env, folder = environment(db, size, args.postgres, args.redis, args.tree)
        if not (args.reuse and (folder / "built").exists()):
            print(f"building {db} with {size} more pages…", file=sys.stderr, flush=True)
            build(db, size, args.postgres, args.redis, args.tree)
        print(f"measuring {db} with {size} more pages…", file=sys.stderr, flush=True)
        pages = measure(db, size, args.postgres, args.redis, args.tree, args.rounds)
        results[run] = pages
        print_table(db, size, pages)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
