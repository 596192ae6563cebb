"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, parsing their filters once.

Wagtail's nodes turn their filter specs (``fill-{480x270,960x540}``) into new
``Filter`` objects at every render, and each ``Filter`` parses its spec again
(``inspect`` on every operation) to find the rendition's key: a tenth of a news
item's time, more on a list of cards. A node's specs never change, so here it
keeps its ``Filter`` objects (the templates are compiled once per process).
Same syntax and output as Wagtail's: ``{% load image_tags %}`` instead of
``wagtailimages_tags``.
"""

from django import template

from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


class ImageNode(wagtail_tags.ImageNode):
    def get_filter(self):
        if not hasattr(self, "_filter"):
            self._filter = super().get_filter()
        return self._filter


class _KeptFilters:
    def get_filters(self):
        if not hasattr(self, "_filters"):
            self._filters = super().get_filters()
        return self._filters


class SrcsetImageNode(_KeptFilters, wagtail_tags.SrcsetImageNode):
    pass


class PictureNode(_KeptFilters, wagtail_tags.PictureNode):
    pass


_KEPT = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    """Wagtail's parser (same arguments and errors); its node keeps its filters."""
    node = wagtail_tags.image(parser, token)
    node.__class__ = _KEPT[type(node)]
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
