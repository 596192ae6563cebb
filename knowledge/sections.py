"""Sections of a StreamField body: its heading blocks, each with an anchor that does not move.

The anchor is ``contentblocks.anchors``'s, from the block's id, so a link to a
section survives a reworded heading and points to the same section in every
language.
"""

from dataclasses import dataclass

from contentblocks.anchors import heading_anchor


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    level: str


def section_anchor(block):
    return heading_anchor(block.id)


def sections_of(body, levels=("h2",)):
    return [
        Section(title=block.value["text"], anchor=section_anchor(block), level=block.value["level"])
        for block in body
        if block.block_type == "heading" and block.value["level"] in levels
    ]
