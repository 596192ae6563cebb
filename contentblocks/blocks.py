"""StreamField blocks shared by every page type of the hub.

Declared once here; an app builds its own StreamBlock from them (see ``BodyBlock``).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)")), ("h4", _("Minor (h4)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "contentblocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading; it gets a stable link anchor.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "contentblocks/quote_block.html"
        label = _("Quote")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        template = "contentblocks/document_block.html"
        label = _("Downloadable file")
        description = _("A file to download, shown with its type and size.")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        template = "contentblocks/call_to_action_block.html"
        label = _("Call to action")

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address."))}
            )
        return cleaned


class BodyBlock(blocks.StreamBlock):
    """The body of most pages: text, headings, images, files, quotes, tables, embeds."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="contentblocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Image"), template="contentblocks/image_block.html")
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("Text"))),
            ("number", blocks.DecimalBlock(label=_("Number"))),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"])),
        ],
        label=_("Table"),
        template="contentblocks/table_block.html",
    )
    embed = EmbedBlock(label=_("Video or other embed"), max_width=960, icon="media")
