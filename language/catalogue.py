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

# Wagtail's Spanish catalogue lacks strings its Catalan one has: Django then falls back
# to the default language, and a Spanish admin read "No hi ha suscriptores per mostrar."
# or "Per tasca". English needs nothing (Django gives English no fallback).
WAGTAIL_MISSING_IN_SPANISH = [
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("There are no results."),
    gettext_noop("By task"),
    gettext_noop("Shortcuts"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("All keyboard shortcuts"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop("account"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("Go to the first error"),
    gettext_noop("Privacy and access"),
    gettext_noop("Search…"),
]
