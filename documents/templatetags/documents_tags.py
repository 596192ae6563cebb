from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("documents/download_link.html")
def document_download_link(document, label=""):
    """A download link that says what the file is and how big, as WCAG 2.4.4 asks."""
    if document is None:
        return {"document": None}
    extension = (document.file_extension or "").upper()
    try:
        size = filesizeformat(document.get_file_size() or 0)
    except OSError:
        size = ""
    details = ", ".join(part for part in (extension, size) if part)
    return {
        "document": document,
        "label": label or document.title,
        "details": details,
        "download_text": _("Download"),
    }
