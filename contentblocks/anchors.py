"""One way to name a heading's link anchor: from its block's id, never from its text.

Wagtail keeps a StreamField block's id across edits, and wagtail-localize keeps
it across translations, so ``#section-…`` points to the same section after the
heading is reworded and in every language (an anchor slugified from the text
would change with both). Every heading block renders with this anchor
(``contentblocks/heading_block.html``), and tables of contents link to it
(``knowledge.sections``).
"""


def heading_anchor(block_id):
    return f"section-{(block_id or '')[:8]}"
