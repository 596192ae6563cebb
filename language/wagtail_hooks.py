"""Admin strings that the libraries' catalogues cannot fix on their own.

- wagtail-localize names its *Translations* report with ``gettext`` when Wagtail
  first builds the Reports menu, so every editor sees the language of whoever
  opened the admin first: the label is made lazy again here.
- Vendored scripts write some words in English without asking any catalogue (the
  date picker's "Save Selected", wagtail-localize's "More actions" and "Català to
  Español translation" in its translation editor): ``language/admin_strings.js``
  puts the editor's words there.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("construct_reports_menu")
def translate_the_translations_report_label(request, menu_items):
    report_url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == report_url:
            item.label = _("Translations")


def hard_coded_words():
    """The English words of vendored scripts, and the editor's own."""
    words = {"Save Selected": gettext("Save selected"), "More actions": gettext("More actions")}
    names = [str(name) for _code, name in settings.WAGTAIL_CONTENT_LANGUAGES]
    for source in names:
        for target in names:
            if source != target:
                words[f"{source} to {target} translation"] = gettext(
                    "Translation: %(source)s → %(target)s"
                ) % {"source": source, "target": target}
    return words


@hooks.register("insert_global_admin_js")
def replace_hard_coded_words():
    return format_html(
        '<script src="{}" data-words="{}"></script>',
        static("language/admin_strings.js"),
        json.dumps(hard_coded_words()),
    )
