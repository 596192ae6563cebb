"""Page benchmark: ``python -m bench.pages`` (see README)."""

from .run import main

main()
