""" "Of" before a member's name, as Catalan and Spanish say it.

A member's name is an institution's own name, written in Catalan and without
its article: "Ajuntament de Vic", "Consell Comarcal del Bages", "Diputació de
Girona", or a place ("Olot"). A sentence that says "the website of …" needs
the article and the contraction the language makes with it:

=========================  ============================  ============================
name                       Catalan                       Spanish
=========================  ============================  ============================
Ajuntament de Vic          de l'Ajuntament de Vic        del Ajuntament de Vic
Consell Comarcal del …     del Consell Comarcal del …    del Consell Comarcal del …
Diputació de Girona        de la Diputació de Girona     de la Diputació de Girona
Agència …                  de l'Agència …                de la Agència …
Olot                       d'Olot                        de Olot
Vic                        de Vic                        de Vic
=========================  ============================  ============================

The article comes from the institution's first word (``INSTITUTION_GENDER``);
a name that starts with another word is a proper name and takes none.
"""

import unicodedata

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language, gettext, override

MASCULINE = "m"
FEMININE = "f"

# The first word of the institutions members are (town and county councils, their bodies).
INSTITUTION_GENDER = {
    "ajuntament": MASCULINE,
    "consell": MASCULINE,
    "consorci": MASCULINE,
    "institut": MASCULINE,
    "patronat": MASCULINE,
    "ens": MASCULINE,
    "districte": MASCULINE,
    "ayuntamiento": MASCULINE,
    "consejo": MASCULINE,
    "diputació": FEMININE,
    "mancomunitat": FEMININE,
    "agrupació": FEMININE,
    "agència": FEMININE,
    "àrea": FEMININE,
    "entitat": FEMININE,
    "associació": FEMININE,
    "fundació": FEMININE,
    "xarxa": FEMININE,
    "universitat": FEMININE,
    "diputación": FEMININE,
    "mancomunidad": FEMININE,
}

VOWELS = "aeiou"


def _plain(letter):
    return unicodedata.normalize("NFKD", letter)[:1].lower()


def _elides(word, feminine=False):
    """Whether Catalan elides "de", "el" or "la" before ``word`` (l'Ajuntament, d'Olot).

    Before a vowel or an h and a vowel; not before the semivowels (i, u, hi, hu
    followed by a vowel: "de Iowa"), and the feminine article not before an
    unstressed i or u ("la Universitat", "la Unió").
    """
    letters = [_plain(letter) for letter in word[:3]]
    if letters and letters[0] == "h":
        letters = letters[1:]
    if not letters or letters[0] not in VOWELS:
        return False
    if letters[0] in "iu" and len(letters) > 1 and letters[1] in VOWELS:
        return False
    if feminine and letters[0] in "iu":
        return False
    return True


def _catalan(name):
    first_word = name.split(" ", 1)[0]
    gender = INSTITUTION_GENDER.get(first_word.lower())
    if gender is None:
        return f"d'{name}" if _elides(first_word) else f"de {name}"
    if _elides(first_word, feminine=gender == FEMININE):
        return f"de l'{name}"
    return f"del {name}" if gender == MASCULINE else f"de la {name}"


def _spanish(name):
    gender = INSTITUTION_GENDER.get(name.split(" ", 1)[0].lower())
    if gender == MASCULINE:
        return f"del {name}"
    if gender == FEMININE:
        return f"de la {name}"
    return f"de {name}"


def of_name(name, language=None):
    """``"de l'Ajuntament de Vic"`` in Catalan, ``"of Ajuntament de Vic"`` in English."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language == "ca":
        return _catalan(name)
    if language == "es":
        return _spanish(name)
    with override(language):
        # Translators: "of" before an institution's name, where no article is needed.
        return gettext("of %(name)s") % {"name": name}


def _catalan_number_elides(number):
    """Whether a number said in Catalan starts with a vowel: "un" (1), "onze" (11),
    "un milió", "onze mil"; not "mil" (1 000: no "un mil"), "deu", "cent"."""
    scale = 0
    while number >= 1000:
        number, scale = number // 1000, scale + 1
    if scale == 1 and number == 1:
        return False
    return number in (1, 11)


def of_number(number, language=None):
    """``"d'11"`` or ``"de 10"`` in Catalan, ``"de 11"`` in Spanish, ``"of 11"`` in
    English: "of" before a number, as in "Pàgina 1 d'11"."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    with override(language):
        written = intcomma(number)
        if language == "ca":
            return f"d'{written}" if _catalan_number_elides(number) else f"de {written}"
        # Translators: "of" before a number, as in "Page 1 of 11".
        return gettext("of %(number)s") % {"number": written}
