"""``{% translation_states page %}``: where each language's translation of a page stands."""

from django import template

from wagtail.models import Page

from publishing.translations import translation_states as states_of

register = template.Library()


@register.inclusion_tag("publishing/translation_states.html")
def translation_states(obj):
    return {"states": states_of(obj) if isinstance(obj, Page) else []}
