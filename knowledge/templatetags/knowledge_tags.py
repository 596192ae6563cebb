"""Template helpers for knowledge pages."""

from django import template

from home.models import NetworkSettings

from ..metadata import record_for_page
from ..sections import section_anchor
from ..structured_data import json_ld_script, structured_data

register = template.Library()


@register.filter
def anchor(block):
    """The stable anchor of a heading block (see ``knowledge.sections``)."""
    return section_anchor(block)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org metadata, in a ``<script type="application/ld+json">``."""
    request = context["request"]
    network = NetworkSettings.for_request(request)
    record = record_for_page(page, request, network.licence_url)
    if record is None:
        return ""
    return json_ld_script(structured_data(record, publisher_name=network.name))
