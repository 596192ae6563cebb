"""Counted strings ("6 pages to translate") stay in the reader's language.

A catalogue whose header declares more plural forms than its entries give
(Spanish catalogues made by a recent ``msginit`` declare three, for "millones")
has no text for the missing form: Django then falls back to the default
language's catalogue, and a Spanish page says "6 pàgines per traduir".
"""

import gettext
import re
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def project_catalogues():
    return [
        path
        for path in ROOT.glob("*/locale/*/LC_MESSAGES/django.mo")
        if not path.is_relative_to(ROOT / ".venv")
    ]


def plural_form_count(catalogue):
    header = catalogue.info().get("plural-forms", "")
    match = re.search(r"nplurals\s*=\s*(\d+)", header)
    return int(match.group(1)) if match else 2


def test_every_counted_string_has_every_form_its_catalogue_declares():
    catalogues = project_catalogues()
    assert len(catalogues) > 10
    incomplete = []
    for path in catalogues:
        with path.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)
        forms = plural_form_count(catalogue)
        counted = {key[0] for key in catalogue._catalog if isinstance(key, tuple)}
        for msgid in counted:
            missing = [i for i in range(forms) if (msgid, i) not in catalogue._catalog]
            if missing:
                incomplete.append(f"{path.relative_to(ROOT)}: {msgid!r} lacks forms {missing}")
    assert not incomplete, "\n".join(incomplete)


def test_a_spanish_count_reads_in_spanish():
    with translation.override("es"):
        text = translation.ngettext(
            "%(counter)s page to translate", "%(counter)s pages to translate", 6
        ) % {"counter": 6}
    assert text == "6 páginas por traducir"
