"""Benchmark of the editors' admin screens: ``python -m bench.admin`` (see run.py)."""

from .run import main

main()
