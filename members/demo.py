"""Example members, needs answers and advice requests, so that every report shows something.

Everything here is an example: the work plan names no member, so the members
are called "Ajuntament d'exemple de …" and their people are fictitious.
"""

import datetime
from decimal import Decimal

from home.demo.builders import ensure_group, ensure_page, paragraphs, translate_page
from home.demo.content import content

from .models import (
    AdviceHoursBag,
    AdviceRequest,
    AdviceSession,
    ContactPerson,
    ExpectedHiring,
    Member,
    MemberDirectoryPage,
    NeedsQuestionnairePage,
    NeedsResponse,
    NeedsResponseArea,
    OnboardingMeeting,
    WorkshopTopicRequest,
)
from .permissions import SECRETARIAT_GROUP, grant_secretariat_permissions

CONTENT = content("members")
PEOPLE = CONTENT["example_people"]


def load(context):
    group = ensure_group(SECRETARIAT_GROUP)
    grant_secretariat_permissions(group)
    shift = datetime.date.today().year - CONTENT["reference_year"]
    groups_by_slug = context.shared.get("working_groups", {})
    members = {spec["name"]: _ensure_member(spec, groups_by_slug) for spec in CONTENT["members"]}
    for spec in CONTENT["needs_answers"]:
        _ensure_needs_answer(spec, members[spec["member"]], shift)
    for bag in CONTENT["advice_hours"]:
        AdviceHoursBag.objects.get_or_create(
            year=bag["year"] + shift,
            defaults={"hours": Decimal(bag["hours"]), "notes": bag["notes"]},
        )
    for spec in CONTENT["advice_requests"]:
        _ensure_advice_request(spec, members[spec["member"]], shift)
    meeting = CONTENT["onboarding_meeting"]
    member = members[meeting["member"]]
    if not member.onboarding_meetings.exists():
        OnboardingMeeting.objects.create(
            member=member,
            held_on=_moved(meeting["held_on"], shift),
            attendees=meeting["attendees"],
            notes=meeting["notes"],
            next_steps=meeting["next_steps"],
        )
    _ensure_pages(context.home)


def _moved(day, shift):
    """A date of the content file, moved from its reference year by ``shift`` years."""
    return day.replace(year=day.year + shift)


def _ensure_member(spec, groups_by_slug):
    member = Member.objects.filter(name=spec["name"]).first()
    if member is not None:
        return member
    member = Member.objects.create(
        name=spec["name"],
        kind=spec["kind"],
        county=spec["county"],
        population_band=spec["population_band"],
        status=spec["status"],
        date_joined=spec.get("joined"),
        publish_in_directory=spec["publish"],
        website=spec["website"],
        elected_official=PEOPLE["elected_official"],
    )
    member.working_groups.set(
        [groups_by_slug[slug] for slug in spec["groups"] if slug in groups_by_slug]
    )
    member.save()
    ContactPerson.objects.create(member=member, **spec["contact"], phone=PEOPLE["contact_phone"])
    return member


def _ensure_needs_answer(spec, member, shift):
    year = spec["year"] + shift
    if NeedsResponse.objects.filter(organisation_name=member.name, year=year).exists():
        return
    response = NeedsResponse.objects.create(
        member=member,
        organisation_name=member.name,
        county=member.county,
        year=year,
        respondent_name=PEOPLE["respondent_name"].format(county=member.county),
        respondent_role=PEOPLE["respondent_role"],
        respondent_email=PEOPLE["respondent_email"],
        needs_description=spec["needs"],
        fee_questions=spec["fees"],
        consent_given_at=datetime.datetime(year, 1, 15, tzinfo=datetime.UTC),
    )
    NeedsResponseArea.objects.bulk_create(
        NeedsResponseArea(response=response, area=area) for area in spec["areas"]
    )
    WorkshopTopicRequest.objects.bulk_create(
        WorkshopTopicRequest(response=response, topic=t) for t in spec["topics"]
    )
    ExpectedHiring.objects.bulk_create(
        ExpectedHiring(
            response=response,
            sector=hiring["sector"],
            year=hiring["year"] + shift,
            contracts=hiring["contracts"],
            estimated_amount=Decimal(hiring["amount"]),
        )
        for hiring in spec["hiring"]
    )


def _ensure_advice_request(spec, member, shift):
    requested_on = _moved(spec["requested_on"], shift)
    if AdviceRequest.objects.filter(
        member=member, topic=spec["topic"], requested_on=requested_on
    ).exists():
        return
    request = AdviceRequest.objects.create(
        member=member,
        topic=spec["topic"],
        preferred_format=spec["format"],
        partner_organisation=spec["partner"],
        status=spec["status"],
        requested_on=requested_on,
        summary=spec["summary"],
        contact_name=PEOPLE["advice_contact_name"],
        contact_email=PEOPLE["advice_contact_email"],
    )
    AdviceSession.objects.bulk_create(
        AdviceSession(
            request=request,
            date=_moved(session["date"], shift),
            hours=Decimal(session["hours"]),
            adviser=PEOPLE["adviser"],
        )
        for session in spec["sessions"]
    )


def _ensure_pages(home):
    directory, questionnaire = CONTENT["directory"], CONTENT["questionnaire"]
    directory_page, _ = ensure_page(
        home,
        MemberDirectoryPage,
        title=directory["title"],
        introduction=paragraphs(directory["introduction"]),
        show_in_menus=True,
        search_description=directory["introduction"],
    )
    questionnaire_page, _ = ensure_page(
        home,
        NeedsQuestionnairePage,
        title=questionnaire["title"],
        introduction=paragraphs(questionnaire["introduction"]),
        privacy_notice=paragraphs(questionnaire["privacy_notice"]),
        thank_you_text=paragraphs(questionnaire["thank_you"]),
        search_description=questionnaire["introduction"],
    )
    for page in (directory_page, questionnaire_page):
        translate_page(page)
