"""Admin strings that the libraries' catalogues cannot fix on their own.

- wagtail-localize names its *Translations* report with ``gettext`` when Wagtail
  first builds the Reports menu, so every editor sees the language of whoever
  opened the admin first: the label is made lazy again here.
- The date picker (a vendored jQuery plugin) writes "Save Selected" in English:
  ``language/admin_strings.js`` puts the editor's words there.
"""

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


@hooks.register("insert_global_admin_js")
def date_picker_strings():
    return format_html(
        '<script src="{}" data-save-selected="{}"></script>',
        static("language/admin_strings.js"),
        gettext("Save selected"),
    )
