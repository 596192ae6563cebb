"""Benchmark of every public page type, uncached and cached: ``python -m bench.pages``."""
