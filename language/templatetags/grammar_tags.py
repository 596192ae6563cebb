"""Generated wording that needs ``language.grammar`` (elision before names and numbers)."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext

from language.grammar import of_number

register = template.Library()


@register.simple_tag
def page_of_pages(number, total):
    """``"Pàgina 1 d'11"``, ``"Página 1 de 11"``, ``"Page 1 of 11"``."""
    # Translators: %(of_total)s is "of" and the number of pages: "of 11", "d'11".
    return gettext("Page %(number)s %(of_total)s") % {
        "number": intcomma(number),
        "of_total": of_number(total),
    }
