"""Demo content: the Spanish and English names of the demo's free tags.

Runs after the loaders that tag pages; a tag no page uses yet is created, so the
names are in place whichever loader tags with it first.
"""

from taggit.models import Tag

from home.demo.content import content

from .models import TagTranslation

TRANSLATED_LANGUAGES = ("es", "en")


def load(context):
    for names in content("taxonomy")["tags"]:
        tag = Tag.objects.filter(name=names.ca).first() or Tag.objects.create(name=names.ca)
        for language in TRANSLATED_LANGUAGES:
            TagTranslation.objects.update_or_create(
                tag=tag, language=language, defaults={"name": names.get(language)}
            )
