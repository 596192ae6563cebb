"""Page benchmark: every public page type, uncached and cached, per database and size.

    python -m bench.pages                          # sqlite, postgres; demo, demo + 5,000 pages
    python -m bench.pages --only sqlite:0 --rounds 60
    python -m bench.pages --reuse                  # keep databases built by an earlier run
    python -m bench.pages --tree /path/to/checkout # measure another checkout (before/after)

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
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
WORK = Path("/tmp/pages-bench")
DEFAULT_RUNS = ["sqlite:0", "sqlite:5000", "postgres:0", "postgres:5000"]


def environment(db, size, postgres, redis, tree):
    folder = WORK / f"{db}-{size}"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        PYTHONPATH=f"{tree}:{tree / 'site'}:{ROOT}",
        VAR_DIR=str(folder),
        MEDIA_ROOT=str(folder / "media"),
        CACHE_URL=redis,
        CACHE_KEY_PREFIX=f"pages-bench-{db}-{size}",
    )
    env.pop("ELASTICSEARCH_URL", None)
    if db == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    else:
        env["DATABASE_URL"] = f"{postgres.rstrip('/')}/pages_bench_{size}"
    return env, folder


def call(args, env, cwd):
    subprocess.run([PYTHON, *args], cwd=cwd, env=env, check=True)


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
    args = parser.parse_args(argv)
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
