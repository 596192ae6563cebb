"""Demo content for the search: synonyms per language, then a full index rebuild.

Runs last among the loaders, so every page and document the others created is
in the index (pages created outside a publish, such as bulk content, too).
"""

from .indexing import rebuild
from .models import Synonym

SYNONYMS = {
    "ca": [["ESS", "economia social i solidària"], ["XES", "Xarxa d'Economia Solidària"]],
    "es": [["ESS", "economía social y solidaria"]],
    "en": [["SSE", "social and solidarity economy"]],
}


def load(context):
    for language, sets in SYNONYMS.items():
        for expressions in sets:
            text = "\n".join(expressions)
            Synonym.objects.get_or_create(language=language, expressions=text)
    rebuild()
