"""Demo content for the search: synonyms per language, then a full index rebuild.

Runs last among the loaders, so every page and document the others created is
in the index (pages created outside a publish, such as bulk content, too).
"""

from .indexing import rebuild
from .models import Synonym

# The network's own acronym finds its full name (the home page's title) in each language.
SYNONYMS = {
    "ca": [
        ["ESS", "economia social i solidària"],
        ["XES", "Xarxa d'Economia Solidària"],
        ["XMESS", "Xarxa de Municipis per l'Economia Social i Solidària"],
    ],
    "es": [
        ["ESS", "economía social y solidaria"],
        ["XMESS", "Red de Municipios por la Economía Social y Solidaria"],
    ],
    "en": [
        ["SSE", "social and solidarity economy"],
        ["XMESS", "Network of Municipalities for the Social and Solidarity Economy"],
    ],
}


def load(context):
    for language, sets in SYNONYMS.items():
        for expressions in sets:
            text = "\n".join(expressions)
            Synonym.objects.get_or_create(language=language, expressions=text)
    rebuild()
