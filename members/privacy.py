"""A member's right of access and right to erasure (GDPR articles 15 and 17).

Export gathers everything the network keeps about a member, personal data
included. Erasure removes the personal data (people's names, contact details,
free text they wrote) and keeps the structured answers and the hours, which
feed the aggregate reports and name no one.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from operations.csv_cells import neutralise

from .models import (
    AdviceRequest,
    AdviceSession,
    ContactPerson,
    ExpectedHiring,
    Member,
    NeedsResponse,
    NeedsResponseArea,
    OnboardingMeeting,
    WorkshopTopicRequest,
)

ERASED = "[erased]"
DELETED = "deleted"

# Every field of every model that keeps something about a member is named here
# once: a key or link the export's nesting already says (``NOT_EXPORTED``), a
# personal field and what erasure leaves in it (``PERSONAL``; ``DELETED``: the
# whole row goes), or a field kept after erasure because it names no one and
# the reports count it (``KEPT``). Everything but ``NOT_EXPORTED`` is exported.
# tests/members/test_privacy.py fails when a field is added and not named here.
NOT_EXPORTED = {
    Member: {"id"},
    ContactPerson: {"id", "member", "sort_order"},
    OnboardingMeeting: {"id", "member"},
    NeedsResponse: {"id", "member"},
    NeedsResponseArea: {"id", "response"},
    ExpectedHiring: {"id", "response"},
    WorkshopTopicRequest: {"id", "response"},
    AdviceRequest: {"id", "member"},
    AdviceSession: {"id", "request"},
}
PERSONAL = {
    Member: {"elected_official": "", "notes": ""},
    ContactPerson: DELETED,
    OnboardingMeeting: {"attendees": "", "notes": ERASED, "next_steps": ""},
    NeedsResponse: {
        "respondent_name": ERASED,
        "respondent_role": "",
        "respondent_email": "",
        "needs_description": "",
        "other_workshop_topics": "",
        "fee_questions": "",
        "secretariat_notes": "",
    },
    AdviceRequest: {"contact_name": "", "contact_email": "", "summary": ERASED},
    AdviceSession: {"notes": ""},
}
KEPT = {
    Member: {
        "name",
        "kind",
        "county",
        "population_band",
        "date_joined",
        "status",
        "website",
        "working_groups",
        "publish_in_directory",
        "personal_data_erased_at",
    },
    ContactPerson: set(),
    OnboardingMeeting: {"held_on"},
    NeedsResponse: {
        "organisation_name",
        "county",
        "year",
        "consent_given_at",
        "submitted_at",
        "review_status",
    },
    NeedsResponseArea: {"area"},
    ExpectedHiring: {"sector", "year", "contracts", "estimated_amount"},
    WorkshopTopicRequest: {"topic"},
    AdviceRequest: {
        "requested_on",
        "topic",
        "preferred_format",
        "partner_organisation",
        "status",
    },
    AdviceSession: {"date", "hours", "adviser"},
}


def _responses_of(member):
    return NeedsResponse.objects.filter(
        Q(member=member) | Q(member__isnull=True, organisation_name__iexact=member.name)
    )


def rows_about(member):
    """Each model's rows about this member, as the export and the erasure read them."""
    responses = _responses_of(member)
    return {
        Member: Member.objects.filter(pk=member.pk),
        ContactPerson: ContactPerson.objects.filter(member=member),
        OnboardingMeeting: OnboardingMeeting.objects.filter(member=member),
        NeedsResponse: responses,
        NeedsResponseArea: NeedsResponseArea.objects.filter(response__in=responses),
        ExpectedHiring: ExpectedHiring.objects.filter(response__in=responses),
        WorkshopTopicRequest: WorkshopTopicRequest.objects.filter(response__in=responses),
        AdviceRequest: AdviceRequest.objects.filter(member=member),
        AdviceSession: AdviceSession.objects.filter(request__member=member),
    }


def own_fields(model):
    """The model's own fields (columns, then many-to-many), in declaration order."""
    return [*model._meta.concrete_fields, *model._meta.many_to_many]


def _export(obj, *children):
    """Every field of ``obj`` but its keys, then the rows of each named child relation."""
    model = type(obj)
    data = {}
    for field in own_fields(model):
        if field.name in NOT_EXPORTED[model]:
            continue
        value = getattr(obj, field.name)
        data[field.name] = [str(item) for item in value.all()] if field.many_to_many else value
    for relation in children:
        data[relation] = [_export(child) for child in getattr(obj, relation).all()]
    return data


def export_member_data(member):
    """Everything kept about a member, as plain data ready for JSON."""
    return {
        "member": _export(member),
        "contact_people": [_export(person) for person in member.contact_people.all()],
        "onboarding_meetings": [_export(meeting) for meeting in member.onboarding_meetings.all()],
        "needs_responses": [
            _export(response, "areas", "expected_hiring", "workshop_topics")
            for response in _responses_of(member)
        ],
        "advice_requests": [
            _export(request, "sessions") for request in member.advice_requests.all()
        ],
    }


def export_member_json(member):
    return json.dumps(
        export_member_data(member), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )


def _flatten(prefix, value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(f"{prefix}.{key}" if prefix else key, item)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for index, item in enumerate(value, start=1):
            yield from _flatten(f"{prefix}.{index}", item)
    elif isinstance(value, list):
        yield prefix, "; ".join(str(item) for item in value)
    else:
        yield prefix, "" if value is None else value


def export_member_csv(member):
    """The same data as the JSON export, one ``field, value`` row per item, UTF-8 with a BOM."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    writer.writerow(["field", "value"])
    data = json.loads(export_member_json(member))
    for key, value in _flatten("", data):
        writer.writerow([key, neutralise(value)])
    return output.getvalue()


@transaction.atomic
def erase_member_personal_data(member):
    """Empty every personal field (``PERSONAL``); keep what the reports count."""
    for name, value in PERSONAL[Member].items():
        setattr(member, name, value)
    member.publish_in_directory = False
    member.personal_data_erased_at = timezone.now()
    member.save()  # first: saving a cluster would write back child rows it holds
    _responses_of(member).update(member=member)  # answers matched by name stay with the member
    for model, rows in rows_about(member).items():
        erased = PERSONAL.get(model)
        if model is Member or not erased:
            continue
        if erased == DELETED:
            rows.delete()
        else:
            rows.update(**erased)
