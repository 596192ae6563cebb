"""A Spanish admin shows no Catalan: strings Wagtail's Catalan catalogue translates but its
Spanish one lacks fall back to Catalan (the default language) unless ``language`` supplies them."""

from pathlib import Path

import polib

from django.utils import translation

import wagtail

# Seen in a Spanish admin: "No hi ha suscriptores per mostrar.", "Per tasca",
# "Totes les dreceres de teclat".
REPORTED = [
    'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?',
    "There are no %(model_name)s to display.",
    "By task",
    "All keyboard shortcuts",
    "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them.",
    "account",
]


def catalan_only(msgids):
    """The msgids whose Spanish text is the Catalan one."""
    wagtail_catalan = Path(wagtail.__file__).parent / "admin/locale/ca/LC_MESSAGES/django.po"
    catalan = {entry.msgid: entry.msgstr for entry in polib.pofile(str(wagtail_catalan))}
    found = []
    for msgid in msgids:
        assert catalan.get(msgid), f"Wagtail's Catalan catalogue no longer has {msgid!r}"
        with translation.override("es"):
            if translation.gettext(msgid) == catalan[msgid]:
                found.append(msgid)
    return found


def test_without_our_catalogue_these_strings_would_be_catalan():
    # Wagtail's own Spanish catalogue lacks them: the gap is real.
    spanish = Path(wagtail.__file__).parent / "admin/locale/es/LC_MESSAGES/django.po"
    translated = {entry.msgid for entry in polib.pofile(str(spanish)) if entry.translated()}
    assert not translated & set(REPORTED)


def test_the_reported_admin_strings_read_in_spanish():
    assert catalan_only(REPORTED) == []
    with translation.override("es"):
        assert translation.gettext("By task") == "Por tarea"


def catalan_only_library_strings():
    """Every string that an installed Wagtail or wagtail-localize app translates into
    Catalan and that the Spanish catalogue (all apps merged, without the fallback)
    lacks: a Spanish admin would show it in Catalan."""
    from django.apps import apps
    from django.utils.translation import trans_real

    spanish = trans_real.translation("es")._catalog
    missing = []
    for app in apps.get_app_configs():
        if app.name != "wagtail" and not app.name.startswith(("wagtail.", "wagtail_localize")):
            continue
        catalan = Path(app.path) / "locale/ca/LC_MESSAGES/django.po"
        if not catalan.exists():
            continue
        for entry in polib.pofile(str(catalan)):
            if not entry.translated() or entry.obsolete:
                continue
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if ((key, 0) if entry.msgid_plural else key) not in spanish:
                missing.append(f"{app.name}: {entry.msgid}")
    return missing


def test_no_library_string_of_the_admin_falls_back_to_catalan_in_spanish():
    # Wagtail's own Spanish catalogue lacks hundreds (see the test above for a few);
    # language/catalogue.py supplies them.
    assert catalan_only_library_strings() == []
