from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

register = template.Library()


def _in_language(code):
    """ "in Catalan", said in the reader's language: for a file whose language is not theirs."""
    names = {"ca": _("in Catalan"), "es": _("in Spanish"), "en": _("in English")}
    if code in names:
        return names[code]
    try:
        # A language added later (settings and catalogues only) is named by Django's own list.
        language = get_language_info(code)["name_translated"]
    except KeyError:
        return ""
    return _("in %(language)s") % {"language": language}


@register.filter
def foreign_language(document):
    """The file's language when it is known and is not the page's (for ``lang``/``hreflang``)."""
    code = getattr(document, "language", "") or ""
    current = (get_language() or "").split("-")[0]
    return code if code and code != current else ""


@register.inclusion_tag("documents/download_link.html")
def document_download_link(document, label=""):
    """A download link that says what the file is and how big, as WCAG 2.4.4 asks; a file
    in another language says which (WCAG 3.1.2), and its title carries ``lang``."""
    if document is None:
        return {"document": None}
    extension = (document.file_extension or "").upper()
    try:
        size = filesizeformat(document.get_file_size() or 0)
    except OSError:
        size = ""
    details = ", ".join(part for part in (extension, size) if part)
    language = foreign_language(document)
    return {
        "document": document,
        "label": label or document.title,
        # The page's own label is in the page's language; the file's title is in the file's.
        "label_language": language if not label else "",
        "language": language,
        "in_language": _in_language(language),
        "details": details,
        "download_text": _("Download"),
    }
