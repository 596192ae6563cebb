"""Search benchmark: corpus build, index time, and query latency per database and size.

    python -m bench.search                       # sqlite 1k,10k; postgres 1k,10k,50k
    python -m bench.search --only postgres:50000 --repeat 20
    python -m bench.search --reuse               # keep corpora built by an earlier run
    python -m bench.search --reuse --no-index    # query the index an earlier run built
    python -m bench.search --relevance           # MRR, P@5, best first: demo, demo + 5,000

Each corpus livesin its own database (``/tmp/search-bench/<db>-<size>/`` for
SQLite, ``search_bench_<size>`` on PostgreSQL at ``--postgres``), built once by
``migrate``, ``load_demo``, ``generate_content`` and ``bench.search.corpus``
(attached files with text). Then ``bench.search.measure`` rebuilds the search
index (the index time) and, in a fresh process, runs a fixed query set, with
and without filters.

The corpus is a worst case for matching: each language's pages draw their
words from the same 45-word vocabulary, so nearly every query word is on
nearly every page of its language (about 20,000 matches per query at 50k
pages, and 60,000 for "cooperativa" over all languages).
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from bench.scratch import run_python, scratch_environment

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
WORK = Path("/tmp/search-bench")
DEFAULT_RUNS = ["sqlite:1000", "sqlite:10000", "postgres:1000", "postgres:10000", "postgres:50000"]
# Size 0 is the demo alone.
RELEVANCE_RUNS = ["sqlite:0", "sqlite:5000", "postgres:0", "postgres:5000"]


def environment(db, size, postgres):
    folder = WORK / f"{db}-{size}"
    database = f"search_bench_{size}"
    postgres = postgres if db != "sqlite" else None
    return scratch_environment(folder, postgres=postgres, database=database), folder


def call(args, env):
    run_python(args, env)


def build(db, size, postgres, seed):
    env, folder = environment(db, size, postgres)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if db == "postgres":
        admin = postgres.rstrip("/") + "/postgres"
        call(
            [
                "-c",
                (
                    "import psycopg,sys\n"
                    "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
                    "  c.execute(f'DROP DATABASE IF EXISTS search_bench_{sys.argv[2]}')\n"
                    "  c.execute(f'CREATE DATABASE search_bench_{sys.argv[2]}')"
                ),
                admin,
                str(size),
            ],
            env,
        )
    call(["manage.py", "migrate", "--noinput", "-v0"], env)
    call(["manage.py", "load_demo", "-v0"], env)
    if size:
        call(["-m", "bench.search.corpus", str(size), str(seed)], env)
    (folder / "built").write_text(str(size))


def _measure(env, args):
    out = subprocess.run(
        [PYTHON, "-m", "bench.search.measure", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(db, size, postgres, repeat, reindex=True):
    env, folder = environment(db, size, postgres)
    call(["manage.py", "migrate", "--noinput", "-v0"], env)  # corpora may predate a migration
    indexed = _measure(env, ["--index-only"]) if reindex else {"index_seconds": float("nan")}
    # A fresh process for the queries, like a web worker after a rebuild.
    result = _measure(env, [str(repeat)])
    result.update(indexed)
    return result


def relevance(db, size, postgres, reindex=True):
    env, _folder = environment(db, size, postgres)
    call(["manage.py", "migrate", "--noinput", "-v0"], env)
    if reindex:
        _measure(env, ["--index-only"])
    out = subprocess.run(
        [PYTHON, "-m", "bench.search.relevance"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_relevance(results):
    print("| database | pages added | language | queries | MRR | P@5 | best first |")
    print("|" + "---|" * 7)
    for r in results:
        for language, m in r["relevance"].items():
            print(
                f"| {r['database']} | {r['pages']} | {language} | {m['queries']} | "
                f"{m['mrr']:.3f} | {m['p5']:.3f} | {m['best_first']:.0%} |"
            )


def print_table(results):
    header = (
        "| database | pages | indexed entries | index time (s) | "
        "p50 plain (ms) | p95 plain (ms) | p50 filtered (ms) | p95 filtered (ms) | p95 all (ms) |"
    )
    print(header)
    print("|" + "---|" * 9)
    for r in results:
        print(
            f"| {r['database']} | {r['pages']} | {r['entries']} | {r['index_seconds']:.1f} | "
            f"{r['plain']['p50']:.1f} | {r['plain']['p95']:.1f} | "
            f"{r['filtered']['p50']:.1f} | {r['filtered']['p95']:.1f} | {r['all']['p95']:.1f} |"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", help="db:size pairs (size 0: the demo alone)")
    parser.add_argument(
        "--relevance", action="store_true", help="judged queries (judgements.toml), not speed"
    )
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse", action="store_true", help="reuse corpora already built")
    parser.add_argument("--repeat", type=int, default=10, help="runs of each query")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-index", action="store_true", help="query the index already built")
    args = parser.parse_args(argv)
    runs = args.only or (RELEVANCE_RUNS if args.relevance else DEFAULT_RUNS)
    results = []
    for run in runs:
        db, size = run.split(":")
        size = int(size)
        _env, folder = environment(db, size, args.postgres)
        if not (args.reuse and (folder / "built").exists()):
            print(f"building {db} corpus of {size} pages…", file=sys.stderr, flush=True)
            build(db, size, args.postgres, args.seed)
        print(f"measuring {db} at {size} pages…", file=sys.stderr, flush=True)
        if args.relevance:
            result = relevance(db, size, args.postgres, reindex=not args.no_index)
        else:
            result = measure(db, size, args.postgres, args.repeat, reindex=not args.no_index)
        result.update(database=db, pages=size)
        results.append(result)
        print(json.dumps(result), file=sys.stderr, flush=True)
    if args.relevance:
        print_relevance(results)
    else:
        print_table(results)


if __name__ == "__main__":
    main()
