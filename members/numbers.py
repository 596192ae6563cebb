"""Hours of advice, with two decimals on every screen and in every download.

A sum from the database may come back as ``12.5`` or ``12.50`` depending on
the engine; ``hours`` fixes the scale, so the screens of one language show
``12,50`` beside ``107,50`` (Django's localisation: a comma in Catalan and
Spanish, a dot in English), and CSV downloads, which are for machines, always
write ``12.50`` with a dot (``docs/open-data.md``, "Spreadsheets").
"""

from decimal import Decimal

from django.utils.formats import number_format

CENT = Decimal("0.01")


def hours(value):
    """A number of hours as a ``Decimal`` with exactly two decimals."""
    return Decimal(str(value or 0)).quantize(CENT)


def hours_text(value):
    """The hours as the active language writes them (``12,50`` in Catalan)."""
    return number_format(hours(value), decimal_pos=2)
