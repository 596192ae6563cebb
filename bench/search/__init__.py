"""Benchmark of the public search: ``python -m bench.search`` (see README)."""
