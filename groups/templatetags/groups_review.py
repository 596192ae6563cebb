"""Template tags for the review emails (``templates/wagtailadmin/notifications``)."""

from django import template

from ..review import publication_of as _publication_of

register = template.Library()


@register.simple_tag
def publication_of(obj):
    """``{% publication_of object as publication %}``: ``publication.live``, ``.scheduled_at``."""
    return _publication_of(obj)
