"""Corrections to libraries whose text a catalogue alone cannot fix."""

from django.utils import formats, timezone
from django.utils.translation import gettext


def comment_with_local_date(string_translation):
    """wagtail-localize's ``StringTranslation.get_comment`` (the translation editor's
    "Translated manually on …") writes the date with ``strftime``, so its month is
    English whatever the editor's language; this is the same comment with the date
    in the editor's language ("Traduït manualment el 2 de desembre de 2026")."""
    date = formats.date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=date
        )
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None
