"""What the page editor's form sends, read from the edit view's own HTML.

The browser posts every enabled field of ``#page-edit-form`` (never the
``<template>`` blueprints of InlinePanel; a StreamField posts the inputs its
JSON state builds, rebuilt here from the page's value), plus the name and
value of the submit button pressed. A review button has no name: Wagtail's
``workflow-action.js`` adds two hidden inputs (and the JSON of the modal's
form, for the buttons that open one) before the form is sent. Autosave posts
the same fields with ``Accept: application/json``.
Posting these exact fields catches what a hand-written dictionary would hide.
"""

import json
from dataclasses import dataclass
from html.parser import HTMLParser

from django.urls import reverse

FORM_ID = "page-edit-form"
AUTOSAVE_HEADERS = {"Accept": "application/json"}


@dataclass(frozen=True)
class Decision:
    """A review button of the editor's action menu."""

    name: str
    label: str
    opens_modal: bool


@dataclass
class EditForm:
    url: str
    fields: dict
    buttons: dict
    decisions: list

    def pressing(self, button):
        """The fields sent by pressing the submit button named ``button``."""
        assert button in self.buttons, f"the editor offers no {button!r} button"
        return {**self.fields, button: [self.buttons[button]]}

    def deciding(self, action_name, modal_data=None):
        """The fields sent by a review button (with its modal's answers, if it opens one)."""
        offered = {(d.name, d.opens_modal) for d in self.decisions}
        assert (action_name, modal_data is not None) in offered, self.decisions
        data = {**self.fields, "action-workflow-action": ["true"]}
        data["workflow-action-name"] = [action_name]
        if modal_data is not None:
            data["workflow-action-extra-data"] = [json.dumps(modal_data)]
        return data


class _EditFormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_form = False
        self.template_depth = 0
        self.fields = []
        self.buttons = {}
        self.decisions = []
        self.streams = []
        self._textarea = None
        self._select = None
        self._decision = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == FORM_ID
            return
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth += 1
        if self.template_depth:
            return
        if tag == "button" and "data-workflow-action-name" in attrs:
            opens_modal = "data-workflow-action-modal-url" in attrs
            self._decision = [attrs["data-workflow-action-name"], "", opens_modal]
        if "data-w-block-data-value" in attrs:
            self._stream_field(attrs)
        if tag == "option" and self._select is not None:
            self._option(attrs)
        if "disabled" in attrs or not attrs.get("name"):
            return
        if tag == "input":
            self._input(attrs)
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self.buttons[attrs["name"]] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs}
            self._select.update(options=[], chosen=[])

    def _input(self, attrs):
        kind = attrs.get("type", "text").lower()
        if kind in {"submit", "button", "reset", "image", "file"}:
            return
        if kind in {"checkbox", "radio"} and "checked" not in attrs:
            return
        default = "on" if kind in {"checkbox", "radio"} else ""
        self.fields.append((attrs["name"], attrs.get("value", default)))

    def _option(self, attrs):
        value = attrs.get("value", "")
        self._select["options"].append(value)
        if "selected" in attrs:
            self._select["chosen"].append(value)

    def _stream_field(self, attrs):
        # A StreamField's inputs are built by the browser from its JSON state
        # (``stream_form_data`` rebuilds them from the page's own value).
        self.streams.append(attrs["id"])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._decision is not None:
            self._decision[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "template" and self.template_depth:
            self.template_depth -= 1
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select = self._select
            fallback = [] if select["multiple"] else select["options"][:1]
            self.fields.extend((select["name"], value) for value in select["chosen"] or fallback)
            self._select = None
        elif tag == "button" and self._decision is not None:
            name, label, opens_modal = self._decision
            self.decisions.append(Decision(name, " ".join(label.split()), opens_modal))
            self._decision = None


def edit_form(client, page):
    """The edit form of ``page`` as the logged-in user's browser has it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return _page_form(client, url, page.get_latest_revision_as_object())


def add_form(client, url):
    """The form of a new page (its add view's ``url``) as the logged-in user's browser has it."""
    return _page_form(client, url, None)


def _page_form(client, url, shown):
    response = client.get(url)
    assert response.status_code == 200
    parser = _EditFormParser()
    parser.feed(response.content.decode())
    assert parser.fields, "the edit form was not found"
    fields = {}
    for name, value in parser.fields:
        fields.setdefault(name, []).append(value)
    for field_name in parser.streams:
        if shown is None:
            fields[f"{field_name}-count"] = ["0"]
            continue
        stream = getattr(shown, field_name)
        block = stream.stream_block
        for name, value in stream_form_data(block, block.get_form_state(stream), field_name):
            fields.setdefault(name, []).append(value)
    return EditForm(url, fields, parser.buttons, parser.decisions)


def stream_form_data(block, state, prefix):
    """The (name, value) pairs the browser posts for a block's form state (as Wagtail's JS does)."""
    from wagtail import blocks

    if isinstance(block, blocks.BaseStreamBlock):
        yield f"{prefix}-count", str(len(state))
        for index, child in enumerate(state):
            yield from _sequence_member(prefix, index, child)
            yield f"{prefix}-{index}-type", child["type"]
            child_block = block.child_blocks[child["type"]]
            yield from stream_form_data(child_block, child["value"], f"{prefix}-{index}-value")
    elif isinstance(block, blocks.ListBlock):
        yield f"{prefix}-count", str(len(state))
        for index, child in enumerate(state):
            yield from _sequence_member(prefix, index, child)
            yield from stream_form_data(
                block.child_block, child["value"], f"{prefix}-{index}-value"
            )
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            yield from stream_form_data(child_block, state.get(name), f"{prefix}-{name}")
    elif isinstance(state, dict):
        yield prefix, str(state.get("id", ""))  # a chooser's state: the chosen object's id
    elif isinstance(state, bool):
        if state:
            yield prefix, "on"
    else:
        yield prefix, "" if state is None else str(state)


def _sequence_member(prefix, index, child):
    yield f"{prefix}-{index}-deleted", ""
    yield f"{prefix}-{index}-order", str(index)
    yield f"{prefix}-{index}-id", child.get("id") or ""
