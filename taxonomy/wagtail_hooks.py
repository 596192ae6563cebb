"""Tag translations in the admin: a snippet, so every view checks the model's
permissions (add/change/delete ``tagtranslation``), which only the secretariat holds."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TagTranslation


class TagTranslationViewSet(SnippetViewSet):
    model = TagTranslation
    icon = "tag"
    menu_label = _("Tag translations")
    list_display = ["tag", "language", "name"]
    list_filter = ["language"]
    search_fields = ["name", "tag__name"]
    ordering = ["tag__name", "language"]


register_snippet(TagTranslationViewSet)
