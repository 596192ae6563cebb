"""Text a visitor typed into a query string, safe to store and to show back.

NUL and other control characters are accepted by no database everywhere and make
HTML invalid when an error message repeats them ("?topic=%00"); every reader of a
query string (the search, the listings' filters) cleans it here.
"""

import re

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a filter shows in place of a control character: still not a valid choice, so
# the request stays a 400, and the message stays readable.
REPLACEMENT_CHARACTER = "\ufffd"


def without_control_characters(text, replacement=" "):
    return CONTROL_CHARACTERS.sub(replacement, text or "")


def printable_query(data):
    """A copy of a ``QueryDict`` whose values carry no control character."""
    cleaned = data.copy()
    for key, values in data.lists():
        cleaned.setlist(
            key, [without_control_characters(value, REPLACEMENT_CHARACTER) for value in values]
        )
    return cleaned
