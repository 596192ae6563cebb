"""Library export benchmark: the CSV and JSON downloads of a library of N items.

    python -m bench.library_export                  # 50,000 items, SQLite
    python -m bench.library_export --items 5000 --postgres postgres://postgres@127.0.0.1:5432
    python -m bench.library_export --reuse          # keep the database an earlier run built

The database (``/tmp/library-export-bench/sqlite/``, or ``library_export_bench`` on
PostgreSQL, ``--database`` to choose another name) is built once with
``migrate``, ``load_demo`` and N generated library items
(``bench.library_export.generate``, in bulk: a minute or two for 50,000). Each
format is then exported once in a fresh process (``bench.library_export.export``),
which reads the streamed response, throws it away and counts its items; the
run fails unless each export wrote as many items as the library lists. Printed
per format: items, mebibytes, seconds, items per second, CPU seconds, resident
memory before the request and the process's peak. The run fails when the peak
passes ``MEMORY_CAP_MIB``: the export streams a chunk of
``knowledge.metadata.CHUNK_SIZE`` pages at a time, so its memory does not grow
with the library (docs/open-data.md).
"""

import argparse
import json
import shutil
from pathlib import Path

from bench.scratch import run_python, scratch_environment

WORK = Path("/tmp/library-export-bench")  # one folder per database: sqlite/, postgres-<name>/
DATABASE = "library_export_bench"
# The exporting process's peak resident memory, whatever the number of items.
MEMORY_CAP_MIB = 300


def work_folder(postgres, database):
    return WORK / (f"postgres-{database}" if postgres else "sqlite")


def environment(postgres, database):
    work = work_folder(postgres, database)
    return scratch_environment(
        work, postgres=postgres, database=database, settings="config.settings.test"
    )


def call(args, env, **kwargs):
    return run_python(args, env, **kwargs)


def build(env, postgres, database, items):
    work = work_folder(postgres, database)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    if postgres:
        import psycopg

        with psycopg.connect(postgres.rstrip("/") + "/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {database}")
            connection.execute(f"CREATE DATABASE {database}")
    call(["manage.py", "migrate", "--noinput", "-v0"], env)
    call(["manage.py", "load_demo", "-v0"], env)
    call(["-m", "bench.library_export.generate", str(items)], env)
    (work / "built").write_text(built_marker(env, items))


def built_marker(env, items):
    """What ``--reuse`` compares: the same database and number of items."""
    return f"{env['DATABASE_URL']} {items}"


def export(env, export_format):
    output = call(
        ["-m", "bench.library_export.export", export_format], env, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=50_000, help="generated items to add")
    parser.add_argument(
        "--postgres", help="a PostgreSQL server URL, e.g. postgres://postgres@127.0.0.1:5432"
    )
    parser.add_argument("--database", default=DATABASE, help="the PostgreSQL database's name")
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    args = parser.parse_args()

    env = environment(args.postgres, args.database)
    built = work_folder(args.postgres, args.database) / "built"
    if not (
        args.reuse and built.exists() and built.read_text().strip() == built_marker(env, args.items)
    ):
        build(env, args.postgres, args.database, args.items)
    call(["manage.py", "migrate", "--noinput", "-v0"], env)  # the code may be newer
    print(f"database   {'PostgreSQL' if args.postgres else 'SQLite'}")
    print(f"generated  {args.items} items (plus the demo's)")
    peaks = []
    for export_format in ("csv", "json"):
        figures = export(env, export_format)
        if figures["items"] != figures["library_items"]:
            raise SystemExit(
                f"the {export_format} export wrote {figures['items']} items, "
                f"the library lists {figures['library_items']}"
            )
        peaks.append(figures["peak_rss_mib"])
        print(
            f"{export_format:<5}      {figures['items']} items, "
            f"{figures['bytes'] / 2**20:.1f} MiB in {figures['seconds']:.1f} s "
            f"({figures['items'] / figures['seconds']:.0f} items/s; "
            f"CPU {figures['cpu_seconds']:.1f} s), "
            f"RSS {figures['rss_before_mib']:.0f} MiB before, "
            f"peak {figures['peak_rss_mib']:.0f} MiB"
        )
    print(f"library    {figures['library_items']} results, as many as each export wrote")
    print(f"memory cap {MEMORY_CAP_MIB} MiB peak RSS")
    if max(peaks) > MEMORY_CAP_MIB:
        raise SystemExit(f"the export's peak RSS {max(peaks):.0f} MiB passes the cap")
