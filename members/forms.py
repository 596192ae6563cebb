"""The public needs questionnaire: one form for the answers, one formset for expected hiring.

Imports model modules directly (not ``members.models``) because the
questionnaire page in ``members.models.pages`` serves these forms.
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.choices import COUNTY_CHOICES, Area
from members.models.directory import Member
from members.models.needs import (
    ExpectedHiring,
    NeedsResponse,
    NeedsResponseArea,
    WorkshopTopicRequest,
    this_year,
)

MAX_HIRING_ROWS = 12
#: Characters per free-text answer: long enough for any need, and with the browser's
#: ``maxlength`` it keeps a post far below Django's 2.5 MB body limit.
MAX_TEXT_ANSWER_LENGTH = 10_000
FREE_TEXT_FIELDS = ("needs_description", "other_workshop_topics", "fee_questions")


def year_choices(before=1, after=3):
    current = this_year()
    return [(year, str(year)) for year in range(current - before, current + after + 1)]


class NeedsQuestionnaireForm(forms.ModelForm):
    # The trap of members.guard: people never see it; bots fill it.
    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    county = forms.ChoiceField(
        label=_("County"),
        choices=[("", _("Choose your county"))] + COUNTY_CHOICES,
        error_messages={"required": _("Choose the county of your organisation.")},
    )
    year = forms.TypedChoiceField(
        label=_("Year these needs refer to"),
        coerce=int,
        choices=year_choices,
        initial=this_year,
        error_messages={"required": _("Choose the year these needs refer to.")},
    )
    areas = forms.MultipleChoiceField(
        label=_("Areas in which you need support"),
        choices=Area.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one area of need.")},
    )
    workshop_topics = forms.MultipleChoiceField(
        label=_("Topics you would like workshops on"),
        choices=Area.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the network's technical secretariat keeps these answers and my "
            "contact details to follow up our needs."
        ),
        error_messages={
            "required": _("We need your consent to keep your answers. Tick the box to send them.")
        },
    )

    class Meta:
        model = NeedsResponse
        fields = [
            "organisation_name",
            "county",
            "year",
            "respondent_name",
            "respondent_role",
            "respondent_email",
            "needs_description",
            "other_workshop_topics",
            "fee_questions",
        ]
        labels = {
            "organisation_name": _("Town council or body"),
            "respondent_name": _("Your name"),
            "respondent_role": _("Your role"),
            "respondent_email": _("Your email"),
            "needs_description": _("Describe your needs"),
            "other_workshop_topics": _("Other workshop topics"),
            "fee_questions": _("Questions about how the network works or about membership fees"),
        }
        help_texts = {
            "organisation_name": _("For example: Ajuntament de …"),
            "respondent_email": _("Only the technical secretariat will see it, to answer you."),
        }
        error_messages = {
            "organisation_name": {"required": _("Write the name of your town council or body.")},
            "respondent_name": {"required": _("Write your name so that we can answer you.")},
            "respondent_email": {
                "required": _("Write an email address so that we can answer you."),
                "invalid": _("Write a valid email address, like name@example.cat."),
            },
        }
        widgets = {
            "needs_description": forms.Textarea(attrs={"rows": 5}),
            "other_workshop_topics": forms.Textarea(attrs={"rows": 3}),
            "fee_questions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Blank in the model so that erasure can empty it; required from whoever answers.
        self.fields["respondent_email"].required = True
        for name in FREE_TEXT_FIELDS:
            field = self.fields[name]
            field.max_length = MAX_TEXT_ANSWER_LENGTH
            field.validators.append(MaxLengthValidator(MAX_TEXT_ANSWER_LENGTH))
            field.widget.attrs["maxlength"] = str(MAX_TEXT_ANSWER_LENGTH)
        for name in ("organisation_name", "respondent_name", "respondent_email"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "organisation_name": "organization",
                "respondent_name": "name",
                "respondent_email": "email",
            }[name]

    def clean_organisation_name(self):
        return " ".join(self.cleaned_data["organisation_name"].split())

    def save(self, commit=True):
        response = super().save(commit=False)
        response.consent_given_at = timezone.now()
        response.member = Member.objects.filter(name__iexact=response.organisation_name).first()
        response.save()
        NeedsResponseArea.objects.bulk_create(
            NeedsResponseArea(response=response, area=area) for area in self.cleaned_data["areas"]
        )
        WorkshopTopicRequest.objects.bulk_create(
            WorkshopTopicRequest(response=response, topic=topic)
            for topic in self.cleaned_data["workshop_topics"]
        )
        return response


class ExpectedHiringForm(forms.ModelForm):
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        choices=lambda: [("", "—")] + year_choices(before=0),
        error_messages={"required": _("Choose the year.")},
    )

    class Meta:
        model = ExpectedHiring
        fields = ["sector", "year", "contracts", "estimated_amount"]
        error_messages = {
            "sector": {"required": _("Choose the sector.")},
            "contracts": {"required": _("Write how many contracts you expect.")},
        }
        widgets = {
            "contracts": forms.NumberInput(attrs={"min": 1}),
            "estimated_amount": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
        }


class BaseExpectedHiringFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() or not hasattr(form, "cleaned_data"):
                continue
            key = (form.cleaned_data.get("sector"), form.cleaned_data.get("year"))
            if None not in key and key in seen:
                form.add_error(
                    "sector",
                    _(
                        "This sector and year are already in another row; "
                        "add the contracts together."
                    ),
                )
            seen.add(key)


ExpectedHiringFormSet = inlineformset_factory(
    NeedsResponse,
    ExpectedHiring,
    form=ExpectedHiringForm,
    formset=BaseExpectedHiringFormSet,
    extra=3,
    max_num=MAX_HIRING_ROWS,
    validate_max=True,
    can_delete=False,
)
