"""Template helpers for the shared blocks."""

from django import template

from ..anchors import heading_anchor as anchor_for

register = template.Library()


@register.filter
def heading_anchor(block_id):
    """The link anchor of a heading block, from its id (see ``contentblocks.anchors``)."""
    return anchor_for(block_id)
