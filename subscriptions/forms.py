"""The public forms: subscribing, and changing one's choices through a signed link."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.guard import TRAP_FIELD

from .lists import group_choices

CONSENT_TEXT = _(
    "I agree that the network keeps my email address, my language and my choices to send me "
    "what I chose, until I unsubscribe. Every email has a link to change my choices or to "
    "unsubscribe."
)


class ListsForm(forms.Form):
    """The choice of lists and language, shared by both forms."""

    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        error_messages={
            "required": _("Choose the language of the emails."),
            "invalid_choice": _("Choose one of the languages in the list."),
        },
    )
    bulletin = forms.BooleanField(
        label=_("The network's bulletin"),
        required=False,
        initial=True,
        help_text=_("News, agenda and resources of the network, about once a month."),
    )
    groups = forms.MultipleChoiceField(
        label=_("News of working groups"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose working groups from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].choices = group_choices()
        self.fields["language"].initial = get_language()

    def clean(self):
        cleaned = super().clean()
        chose_nothing = not cleaned.get("bulletin") and not cleaned.get("groups")
        if chose_nothing and not self.has_error("groups"):
            self.add_error(
                "bulletin",
                _("Choose the network's bulletin, a working group's news, or both."),
            )
        return cleaned


class SubscribeForm(ListsForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Write the email address the bulletin should reach."),
            "invalid": _("Write a full email address, for example name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Tick the box to agree, so that we may send you emails.")},
    )
    # The trap of members.guard: people never see it; bots fill it.
    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["email", "language", "bulletin", "groups", "consent", TRAP_FIELD]


class PreferencesForm(ListsForm):
    """What a subscriber may change from the link in an email (the address never)."""
