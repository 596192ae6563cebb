"""The hub's document model: a Wagtail document that also keeps the text inside its file.

Extraction runs in the background (see ``documents.extraction``); the text is
indexed for search on the document and on every page that attaches it.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index

from .tasks import extract_document_text


class SearchableDocument(AbstractDocument):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        EXTRACTED = "extracted", _("Text extracted")
        NO_TEXT = "no_text", _("No extractable text")
        UNSUPPORTED = "unsupported", _("File type not supported")
        TOO_LARGE = "too_large", _("Too large to read")
        TOO_COMPLEX = "too_complex", _("Too complex to read")
        FAILED = "failed", _("Extraction failed")

    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
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

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file = instance._file_identity()
        return instance

    def _file_identity(self):
        file = self.__dict__.get("file")
        return (getattr(file, "name", file), self.__dict__.get("file_hash"))

    @property
    def file_has_changed(self):
        return getattr(self, "_stored_file", None) != self._file_identity()

    def save(self, *args, **kwargs):
        """A new or replaced file resets the stored text and queues its extraction.

        The task is enqueued once the transaction commits, so that a worker
        always finds the saved file; extraction failures never reach the upload.
        """
        update_fields = kwargs.get("update_fields")
        file_changed = self.file_has_changed and (update_fields is None or "file" in update_fields)
        if file_changed:
            self.extraction_status = self.ExtractionStatus.PENDING
            self.extracted_text = ""
            self.extraction_message = ""
            self.extracted_at = None
        super().save(*args, **kwargs)
        self._stored_file = self._file_identity()
        if file_changed:
            transaction.on_commit(self.enqueue_text_extraction)

    def enqueue_text_extraction(self):
        extract_document_text.enqueue(self.pk)

    @property
    def has_text(self):
        return self.extraction_status == self.ExtractionStatus.EXTRACTED
