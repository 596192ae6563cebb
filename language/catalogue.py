"""Strings this project supplies to the catalogues of Django, Wagtail and wagtail-localize.

Nothing calls these: they are listed so that ``makemessages`` keeps them in
``language/locale``, which overrides the libraries' own translations (the app
comes first in ``INSTALLED_APPS``). Each group says why the library's
translation is missing or wrong.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

# Django's Catalan dates: ``DATE_FORMAT`` is "j E \d\e Y", and "E" is the month's
# "alternative" name, meant to carry the preposition Catalan puts before it
# ("10 d'octubre de 2022", "1 de juny de 2022"); Django's catalogue leaves it out.
CATALAN_MONTHS_WITH_PREPOSITION = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

# Wagtail's Catalan catalogue misspells "demanats" in the workflow status line.
WAGTAIL_CORRECTIONS = [gettext_noop("Changes requested %(finished_at)s")]
