"""Demo content, loaded by ``manage.py load_demo``.

Each app contributes a ``demo`` module with a ``load(context)`` function; the
settings list them in ``DEMO_CONTENT_LOADERS`` in the order they must run. The
loaders hold the logic; what the demo says (texts in ca, es and en, dates,
accounts) is in ``content/<app>.toml``, read by ``home.demo.content``.
``home.demo.builders`` holds the helpers they share (idempotent get-or-create of
pages, users and translations).
"""

from .loader import load

__all__ = ["load"]
