"""Example members, needs answers and advice requests, so that every report shows something.

Everything here is an example: the work plan names no member, so the members
are called "Ajuntament d'exemple de …" and their people are fictitious.
"""

import datetime
from decimal import Decimal

from home.demo.builders import T, ensure_group, ensure_page, paragraphs, translate_page

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

DIRECTORY_TITLE = T("Directori de membres", "Directorio de miembros", "Member directory")
DIRECTORY_INTRO = T(
    "Els ajuntaments i ens locals que formen part de la xarxa i han acceptat aparèixer en aquest directori. Els membres d'aquesta demostració són exemples.",
    "Los ayuntamientos y entes locales que forman parte de la red y han aceptado aparecer en este directorio. Los miembros de esta demostración son ejemplos.",
    "The town councils and local bodies that belong to the network and have agreed to be listed here. The members in this demo are examples.",
)
QUESTIONNAIRE_TITLE = T(
    "Qüestionari de necessitats", "Cuestionario de necesidades", "Needs questionnaire"
)
QUESTIONNAIRE_INTRO = T(
    "Expliqueu-nos què necessita el vostre ajuntament o ens: així la secretaria tècnica pot organitzar assessoraments, tallers i informes a partir de les necessitats dels membres.",
    "Explicadnos qué necesita vuestro ayuntamiento o ente: así la secretaría técnica puede organizar asesoramientos, talleres e informes a partir de las necesidades de los miembros.",
    "Tell us what your town council or body needs, so that the technical secretariat can plan advice, workshops and reports from the members' needs.",
)
PRIVACY_NOTICE = T(
    "La secretaria tècnica de la xarxa conserva aquestes respostes per fer el seguiment de les necessitats dels membres; les vostres dades de contacte no es publiquen. Podeu demanar-ne una còpia o que s'esborrin escrivint a l'adreça de contacte del peu de pàgina.",
    "La secretaría técnica de la red conserva estas respuestas para hacer el seguimiento de las necesidades de los miembros; vuestros datos de contacto no se publican. Podéis pedir una copia o que se borren escribiendo a la dirección de contacto del pie de página.",
    "The network's technical secretariat keeps these answers to follow up the members' needs; your contact details are never published. You can ask for a copy or for them to be erased by writing to the contact address in the footer.",
)
THANK_YOU = T(
    "La secretaria tècnica revisarà les vostres respostes i us escriurà si cal concretar-ne alguna.",
    "La secretaría técnica revisará vuestras respuestas y os escribirá si hay que concretar alguna.",
    "The technical secretariat will review your answers and write to you if anything needs clarifying.",
)

HOUSING = "habitatge-cooperatiu"
CARE = "politiques-de-cures"
PROCUREMENT = "contractacio-i-compra-publica-responsable"

MEMBERS = [
    {
        "name": "Ajuntament d'exemple del Vallès Occidental",
        "kind": "town_council",
        "county": "Vallès Occidental",
        "population_band": "50k_100k",
        "status": "active",
        "joined": datetime.date(2019, 3, 1),
        "publish": True,
        "groups": [HOUSING, PROCUREMENT],
        "website": "https://example.org/valles-occidental",
        "contact": (
            "Persona de contacte d'exemple 1",
            "Tècnica d'economia social",
            "contacte1@example.org",
        ),
    },
    {
        "name": "Ajuntament d'exemple del Bages",
        "kind": "town_council",
        "county": "Bages",
        "population_band": "20k_50k",
        "status": "active",
        "joined": datetime.date(2020, 6, 15),
        "publish": True,
        "groups": [CARE],
        "website": "https://example.org/bages",
        "contact": (
            "Persona de contacte d'exemple 2",
            "Tècnic de promoció econòmica",
            "contacte2@example.org",
        ),
    },
    {
        "name": "Consell Comarcal d'exemple d'Osona",
        "kind": "county_council",
        "county": "Osona",
        "population_band": "",
        "status": "active",
        "joined": datetime.date(2021, 1, 20),
        "publish": True,
        "groups": [PROCUREMENT],
        "website": "",
        "contact": (
            "Persona de contacte d'exemple 3",
            "Tècnica de desenvolupament local",
            "contacte3@example.org",
        ),
    },
    {
        "name": "Ajuntament d'exemple del Baix Llobregat",
        "kind": "town_council",
        "county": "Baix Llobregat",
        "population_band": "over_100k",
        "status": "active",
        "joined": datetime.date(2018, 11, 5),
        "publish": False,
        "groups": [HOUSING, CARE],
        "website": "https://example.org/baix-llobregat",
        "contact": ("Persona de contacte d'exemple 4", "Cap de servei", "contacte4@example.org"),
    },
    {
        "name": "Ajuntament d'exemple del Priorat",
        "kind": "town_council",
        "county": "Priorat",
        "population_band": "under_5k",
        "status": "onboarding",
        "joined": None,
        "publish": False,
        "groups": [],
        "website": "",
        "contact": (
            "Persona de contacte d'exemple 5",
            "Secretaria-interventora",
            "contacte5@example.org",
        ),
    },
]


def _needs_answers(year):
    return [
        {
            "member": "Ajuntament d'exemple del Vallès Occidental",
            "year": year,
            "areas": ["cooperative_housing", "responsible_procurement"],
            "hiring": [("cleaning", year, 3, "450000"), ("catering", year + 1, 2, "300000")],
            "topics": ["responsible_procurement", "digitalisation"],
            "needs": "Exemple: volem incorporar clàusules socials en els contractes de neteja.",
            "fees": "",
        },
        {
            "member": "Ajuntament d'exemple del Bages",
            "year": year,
            "areas": ["care_policies", "cooperative_enterprise"],
            "hiring": [("care_services", year, 1, "120000")],
            "topics": ["care_policies"],
            "needs": "Exemple: necessitem suport per dissenyar un servei municipal de cures comunitàries.",
            "fees": "Exemple: com es calcula la quota d'un municipi de la nostra mida?",
        },
        {
            "member": "Ajuntament d'exemple del Priorat",
            "year": year,
            "areas": ["digitalisation", "responsible_procurement"],
            "hiring": [("digital", year, 1, "15000"), ("cleaning", year, 1, "40000")],
            "topics": ["digitalisation", "responsible_procurement"],
            "needs": "Exemple: som un municipi petit i volem saber per on començar.",
            "fees": "Exemple: quan s'ha de pagar la primera quota?",
        },
        {
            "member": "Consell Comarcal d'exemple d'Osona",
            "year": year - 1,
            "areas": ["ethical_finance", "next_generation"],
            "hiring": [("maintenance", year - 1, 4, "200000")],
            "topics": ["ethical_finance", "next_generation"],
            "needs": "Exemple: volem finançar projectes cooperatius amb fons Next Generation.",
            "fees": "",
        },
    ]


def _advice_requests(year):
    return [
        {
            "member": "Ajuntament d'exemple del Bages",
            "topic": "care_policies",
            "format": "online",
            "partner": "",
            "status": "done",
            "requested_on": datetime.date(year, 2, 10),
            "summary": "Exemple: revisió d'un esborrany de pla municipal de cures.",
            "sessions": [
                (datetime.date(year, 2, 24), "2.00"),
                (datetime.date(year, 3, 10), "1.50"),
            ],
        },
        {
            "member": "Ajuntament d'exemple del Vallès Occidental",
            "topic": "cooperative_housing",
            "format": "mentoring",
            "partner": "Federació de Cooperatives d'Habitatge de Catalunya",
            "status": "in_progress",
            "requested_on": datetime.date(year, 3, 3),
            "summary": "Exemple: cessió d'ús d'un solar municipal a una cooperativa d'habitatge.",
            "sessions": [(datetime.date(year, 3, 17), "3.00"), (datetime.date(year, 4, 7), "2.00")],
        },
        {
            "member": "Consell Comarcal d'exemple d'Osona",
            "topic": "ethical_finance",
            "format": "online",
            "partner": "FETS - Finançament Ètic i Solidari",
            "status": "scheduled",
            "requested_on": datetime.date(year, 4, 1),
            "summary": "Exemple: assessorament conjunt sobre instruments de finançament ètic.",
            "sessions": [(datetime.date(year, 4, 20), "1.50")],
        },
    ]


def load(context):
    group = ensure_group(SECRETARIAT_GROUP)
    grant_secretariat_permissions(group)
    year = datetime.date.today().year
    groups_by_slug = context.shared.get("working_groups", {})
    members = {spec["name"]: _ensure_member(spec, groups_by_slug) for spec in MEMBERS}
    for spec in _needs_answers(year):
        _ensure_needs_answer(spec, members[spec["member"]])
    for bag_year, hours in ((year - 1, "100"), (year, "120")):
        AdviceHoursBag.objects.get_or_create(
            year=bag_year,
            defaults={"hours": Decimal(hours), "notes": "Exemple: bossa d'hores d'assessorament."},
        )
    for spec in _advice_requests(year):
        _ensure_advice_request(spec, members[spec["member"]])
    priorat = members["Ajuntament d'exemple del Priorat"]
    if not priorat.onboarding_meetings.exists():
        OnboardingMeeting.objects.create(
            member=priorat,
            held_on=datetime.date(year, 1, 25),
            attendees="Persona de contacte d'exemple 5; secretaria tècnica",
            notes="Exemple: reunió virtual d'acollida. Interès en digitalització i contractació responsable.",
            next_steps="Exemple: enviar el qüestionari de necessitats i la informació de quotes.",
        )
    _ensure_pages(context.home)


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
        date_joined=spec["joined"],
        publish_in_directory=spec["publish"],
        website=spec["website"],
        elected_official="Regidoria d'exemple d'Economia Social",
    )
    member.working_groups.set(
        [groups_by_slug[slug] for slug in spec["groups"] if slug in groups_by_slug]
    )
    member.save()
    name, role, email = spec["contact"]
    ContactPerson.objects.create(
        member=member, name=name, role=role, email=email, phone="+34 600 000 000"
    )
    return member


def _ensure_needs_answer(spec, member):
    if NeedsResponse.objects.filter(organisation_name=member.name, year=spec["year"]).exists():
        return
    response = NeedsResponse.objects.create(
        member=member,
        organisation_name=member.name,
        county=member.county,
        year=spec["year"],
        respondent_name=f"Persona d'exemple ({member.county})",
        respondent_role="Tècnica d'exemple",
        respondent_email="persona@example.org",
        needs_description=spec["needs"],
        fee_questions=spec["fees"],
        consent_given_at=datetime.datetime(spec["year"], 1, 15, tzinfo=datetime.UTC),
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
            sector=sector,
            year=hiring_year,
            contracts=contracts,
            estimated_amount=Decimal(amount),
        )
        for sector, hiring_year, contracts, amount in spec["hiring"]
    )


def _ensure_advice_request(spec, member):
    if AdviceRequest.objects.filter(
        member=member, topic=spec["topic"], requested_on=spec["requested_on"]
    ).exists():
        return
    request = AdviceRequest.objects.create(
        member=member,
        topic=spec["topic"],
        preferred_format=spec["format"],
        partner_organisation=spec["partner"],
        status=spec["status"],
        requested_on=spec["requested_on"],
        summary=spec["summary"],
        contact_name="Persona de contacte d'exemple",
        contact_email="persona@example.org",
    )
    AdviceSession.objects.bulk_create(
        AdviceSession(
            request=request, date=date, hours=Decimal(hours), adviser="Secretaria tècnica (exemple)"
        )
        for date, hours in spec["sessions"]
    )


def _ensure_pages(home):
    directory, _ = ensure_page(
        home,
        MemberDirectoryPage,
        title=DIRECTORY_TITLE,
        introduction=paragraphs(DIRECTORY_INTRO),
        show_in_menus=True,
        search_description=DIRECTORY_INTRO,
    )
    questionnaire, _ = ensure_page(
        home,
        NeedsQuestionnairePage,
        title=QUESTIONNAIRE_TITLE,
        introduction=paragraphs(QUESTIONNAIRE_INTRO),
        privacy_notice=paragraphs(PRIVACY_NOTICE),
        thank_you_text=paragraphs(THANK_YOU),
        search_description=QUESTIONNAIRE_INTRO,
    )
    for page in (directory, questionnaire):
        translate_page(page)
