"""``{% subscribe_link %}``: the link to the subscription form (site footer, news index);
``|plain_text``: HTML to readable text, for the plain-text part of a bulletin."""

import html
import re

from django import template
from django.utils.html import strip_tags

register = template.Library()

BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|tr)>", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n\s*\n+")


@register.inclusion_tag("subscriptions/includes/subscribe_link.html")
def subscribe_link():
    return {}


@register.filter
def plain_text(value):
    text = html.unescape(strip_tags(BREAKS.sub("\n", str(value))))
    return BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()
