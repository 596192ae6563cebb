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

from .models import AdviceRequest, AdviceSession, ContactPerson, NeedsResponse, OnboardingMeeting

ERASED = "[erased]"


def _responses_of(member):
    return NeedsResponse.objects.filter(
        Q(member=member) | Q(member__isnull=True, organisation_name__iexact=member.name)
    )


def export_member_data(member):
    """Everything kept about a member, as plain data ready for JSON."""
    return {
        "member": {
            "name": member.name,
            "kind": member.kind,
            "county": member.county,
            "population_band": member.population_band,
            "date_joined": member.date_joined,
            "status": member.status,
            "website": member.website,
            "elected_official": member.elected_official,
            "working_groups": [group.title for group in member.working_groups.all()],
            "publish_in_directory": member.publish_in_directory,
            "notes": member.notes,
            "personal_data_erased_at": member.personal_data_erased_at,
        },
        "contact_people": [
            {"name": p.name, "role": p.role, "email": p.email, "phone": p.phone}
            for p in member.contact_people.all()
        ],
        "onboarding_meetings": [
            {
                "held_on": m.held_on,
                "attendees": m.attendees,
                "notes": m.notes,
                "next_steps": m.next_steps,
            }
            for m in member.onboarding_meetings.all()
        ],
        "needs_responses": [
            {
                "year": r.year,
                "organisation_name": r.organisation_name,
                "county": r.county,
                "respondent_name": r.respondent_name,
                "respondent_role": r.respondent_role,
                "respondent_email": r.respondent_email,
                "areas": [a.area for a in r.areas.all()],
                "needs_description": r.needs_description,
                "expected_hiring": [
                    {
                        "sector": h.sector,
                        "year": h.year,
                        "contracts": h.contracts,
                        "estimated_amount": h.estimated_amount,
                    }
                    for h in r.expected_hiring.all()
                ],
                "workshop_topics": [t.topic for t in r.workshop_topics.all()],
                "other_workshop_topics": r.other_workshop_topics,
                "fee_questions": r.fee_questions,
                "consent_given_at": r.consent_given_at,
                "submitted_at": r.submitted_at,
            }
            for r in _responses_of(member)
        ],
        "advice_requests": [
            {
                "requested_on": a.requested_on,
                "topic": a.topic,
                "summary": a.summary,
                "preferred_format": a.preferred_format,
                "partner_organisation": a.partner_organisation,
                "status": a.status,
                "contact_name": a.contact_name,
                "contact_email": a.contact_email,
                "sessions": [
                    {"date": s.date, "hours": s.hours, "adviser": s.adviser, "notes": s.notes}
                    for s in a.sessions.all()
                ],
            }
            for a in member.advice_requests.all()
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
    """Anonymise a member's people and free text; keep what the reports count."""
    member.elected_official = ""
    member.notes = ""
    member.publish_in_directory = False
    member.personal_data_erased_at = timezone.now()
    member.save()
    ContactPerson.objects.filter(member=member).delete()
    OnboardingMeeting.objects.filter(member=member).update(
        attendees="", notes=ERASED, next_steps=""
    )
    _responses_of(member).update(
        member=member,
        respondent_name=ERASED,
        respondent_role="",
        respondent_email="",
        needs_description="",
        other_workshop_topics="",
        fee_questions="",
        secretariat_notes="",
    )
    AdviceRequest.objects.filter(member=member).update(
        contact_name="", contact_email="", summary=ERASED
    )
    AdviceSession.objects.filter(request__member=member).update(notes="")
