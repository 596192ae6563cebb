"""Template access to ``taxonomy.tags``: a page's free tags named in its language."""

from django import template

from taxonomy import tags

register = template.Library()


@register.simple_tag
def tag_names(page):
    """``{% tag_names page as names %}``: the names of the page's tags, alphabetically."""
    return tags.tag_names(page)
