"""The demo's texts and facts, read from the TOML files in ``content/`` (one per app).

The loaders hold the logic; these files hold what the demo says. A table with
exactly the keys ``ca``, ``es`` and ``en`` is a text in the site's three
languages and is read as a ``T``; TOML dates are ``datetime.date``.
"""

import tomllib
from pathlib import Path

from .builders import T

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGUAGES = {"ca", "es", "en"}


def content(name):
    """The parsed ``content/<name>.toml``."""
    with (CONTENT_DIR / f"{name}.toml").open("rb") as source:
        return _texts(tomllib.load(source))


def _texts(value):
    if isinstance(value, dict):
        if value.keys() == LANGUAGES:
            return T(**value)
        return {key: _texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_texts(item) for item in value]
    return value
