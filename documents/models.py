"""The hub's document model: a Wagtail document that also keeps the text inside its file.

Extraction runs in the background (see ``documents.extraction``); the text is
indexed for search on the document and on every page that attaches it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index


class SearchableDocument(AbstractDocument):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        EXTRACTED = "extracted", _("Text extracted")
        NO_TEXT = "no_text", _("No extractable text")
        UNSUPPORTED = "unsupported", _("File type not supported")
        FAILED = "failed", _("Extraction failed")

    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        help_text=_("Main language of the file's content, when known."),
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=16,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_message = models.CharField(
        _("extraction message"), max_length=255, blank=True, editable=False
    )
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields + ("description", "language")

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("extraction_status"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
