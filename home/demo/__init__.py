"""Demo content, loaded by ``manage.py load_demo``.

Each app contributes a ``demo`` module with a ``load(context)`` function; the
settings list them in ``DEMO_CONTENT_LOADERS`` in the order they must run.
``home.demo.builders`` holds the helpers they share (idempotent get-or-create of
pages, users and translations).
"""

from .loader import load

__all__ = ["load"]
