"""Template helpers for knowledge pages."""

from django import template

from ..sections import section_anchor

register = template.Library()


@register.filter
def anchor(block):
    """The stable anchor of a heading block (see ``knowledge.sections``)."""
    return section_anchor(block)
