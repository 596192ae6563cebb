"""The text a page gives the public index: its own fields' values, each once.

Read from the page type's ``search_fields`` (the ones that name a model field;
a method such as a knowledge page's ``attachment_text`` feeds Wagtail's admin
index only: the public index holds a file's text once, as the file's, see
``search.indexing``). StreamFields give their blocks' *values*: a choice's
label ("Section (h2)") is the editor's interface, not the content, so it never
reaches the index. A fragment equal to the title or to an earlier fragment
(a search description copied from the summary) is kept once, so a snippet
never shows the same sentence twice in a row.
"""

import logging

from django.core.exceptions import FieldDoesNotExist
from django.utils.encoding import force_str

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.search.index import RelatedFields, SearchField

logger = logging.getLogger(__name__)


def block_values(block, value):
    """The text values of a StreamField block and its children, without choice labels."""
    if value is None or not getattr(block, "search_index", True):
        return []
    if isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_values(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_values(block.child_block, item)]
    if isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_values(child, value.get(name))
        ]
    return [force_str(text) for text in block.get_searchable_content(value)]


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _flatten(item)]
    return [force_str(value)]


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_texts(obj, field):
    """``(name, text)`` pairs of one search field of ``obj`` (related objects' fields too)."""
    if isinstance(field, SearchField):
        model_field = _model_field(type(obj), field.field_name)
        if model_field is None:
            return  # a method: text for Wagtail's index only (see the module docstring)
        if isinstance(model_field, StreamField):
            texts = block_values(model_field.stream_block, getattr(obj, field.field_name))
        else:
            texts = _flatten(field.get_value(obj))
        for text in texts:
            yield field.field_name, text
    elif isinstance(field, RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        items = related.all() if hasattr(related, "all") else [related]
        for item in items:
            for sub_field in field.fields:
                for _name, text in _field_texts(item, sub_field):
                    yield "related", text


def _key(text):
    return " ".join(text.split()).casefold()


def _is_lead(field):
    """A field the page type boosts (a summary) is read with the title's weight nearly."""
    return isinstance(field, SearchField) and (field.boost or 1) > 1


def page_texts(page):
    """``(title, lead, body)`` of a page as plain text, every fragment once.

    The lead is the search description and the fields the page type boosts
    (``index.SearchField(..., boost=2)``, e.g. a summary): it ranks between
    the title and the body.
    """
    title = page.title
    seen = {_key(title)}
    lead, body = [], []

    def add(text, into):
        key = _key(text)
        if key and key not in seen:
            seen.add(key)
            into.append(text.strip())

    add(page.search_description or "", lead)
    for field in page.get_search_fields():
        try:
            for name, text in _field_texts(page, field):
                if name != "title":
                    add(text, lead if _is_lead(field) else body)
        except Exception:  # noqa: BLE001 — one bad field must not stop the page's indexing
            logger.exception("search: reading field %s of %r failed", field, page)
    return title, "\n".join(lead), "\n".join(body)
