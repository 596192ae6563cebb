"""Demo news, bulletin, agenda and the 2022 work plan.

The seed gives the months of the 2022 events, not their days: the dates and
times below are examples, and every news item and the bulletin say they are
examples. The work plan itself is the seed's, in full (see ``demo_workplan``).
"""

import datetime

from django.utils import timezone

from home.demo.builders import T, catalan, ensure_page, paragraphs, translate_page

from .demo_workplan import AREAS, CHALLENGES, MILESTONES, ONGOING, PLAN_INTRODUCTION, PLAN_TITLE
from .models import (
    AgendaPage,
    BulletinEvent,
    BulletinNews,
    BulletinPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    WorkPlanChallenge,
    WorkPlanMilestone,
    WorkPlanOngoingActivity,
    WorkPlanPage,
)
from .timezones import EVENT_TIME_ZONE

NEWS_INDEX_TITLE = T("Notícies", "Noticias", "News")
NEWS_INDEX_INTRO = T(
    "Notícies, notes de premsa i butlletins de la xarxa.",
    "Noticias, notas de prensa y boletines de la red.",
    "News, press releases and bulletins of the network.",
)
AGENDA_TITLE = T("Agenda", "Agenda", "Agenda")
AGENDA_INTRO = T(
    "Assemblees, comissions, trobades i tallers de la xarxa i dels seus grups de treball.",
    "Asambleas, comisiones, encuentros y talleres de la red y de sus grupos de trabajo.",
    "Assemblies, committees, meetings and workshops of the network and its working groups.",
)
EXAMPLE_DATE_NOTE = T(
    "Data i hora d'exemple: el pla de treball 2022 només indica el mes.",
    "Fecha y hora de ejemplo: el plan de trabajo 2022 solo indica el mes.",
    "Example date and time: the 2022 work plan only gives the month.",
)
EXAMPLE_PLACE = T(
    "Exemple: Barcelona (lloc per confirmar)",
    "Ejemplo: Barcelona (lugar por confirmar)",
    "Example: Barcelona (venue to be confirmed)",
)
EXAMPLE_ONLINE_URL = "https://videoconferencia.example/xmess"


def _madrid(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=EVENT_TIME_ZONE)


EVENTS = {
    "plenary": {
        "title": T(
            "Trobada plenària de Grups de treball 2022",
            "Encuentro plenario de Grupos de trabajo 2022",
            "Plenary meeting of Working groups 2022",
        ),
        "start": _madrid(2022, 2, 17, 10),
        "end": _madrid(2022, 2, 17, 13, 30),
        "format": "in_person",
        "lead": T(
            "Trobada presencial dels grups de treball per compartir coneixements i reflexions i avançar cap a un model de grups autònoms i amb pressupost associat.",
            "Encuentro presencial de los grupos de trabajo para compartir conocimientos y reflexiones y avanzar hacia un modelo de grupos autónomos y con presupuesto asociado.",
            "In-person meeting of the working groups to share knowledge and reflections and move towards a model of autonomous groups with their own budget.",
        ),
    },
    "spring_assembly": {
        "title": T(
            "Assemblea ordinària de primavera 2022",
            "Asamblea ordinaria de primavera 2022",
            "Spring ordinary assembly 2022",
        ),
        "start": _madrid(2022, 3, 31, 10),
        "end": _madrid(2022, 3, 31, 12, 30),
        "format": "hybrid",
        "lead": T(
            "Assemblea ordinària híbrida (presencial i virtual) dels membres de la xarxa.",
            "Asamblea ordinaria híbrida (presencial y virtual) de los miembros de la red.",
            "Hybrid (in-person and online) ordinary assembly of the network's members.",
        ),
    },
    "elected_officials": {
        "title": T(
            "3a Trobada de càrrecs electes",
            "3.er Encuentro de cargos electos",
            "3rd Meeting of elected officials",
        ),
        "start": _madrid(2022, 7, 7, 10),
        "end": _madrid(2022, 7, 7, 14),
        "format": "in_person",
        "lead": T(
            "Trobada presencial dels càrrecs electes dels membres de la xarxa.",
            "Encuentro presencial de los cargos electos de los miembros de la red.",
            "In-person meeting of the elected officials of the network's members.",
        ),
    },
    "autumn_assembly": {
        "title": T(
            "Assemblea ordinària de tardor 2022",
            "Asamblea ordinaria de otoño 2022",
            "Autumn ordinary assembly 2022",
        ),
        "start": _madrid(2022, 9, 29, 10),
        "end": _madrid(2022, 9, 29, 12, 30),
        "format": "hybrid",
        "lead": T(
            "Segona assemblea ordinària híbrida (presencial i virtual) de l'any.",
            "Segunda asamblea ordinaria híbrida (presencial y virtual) del año.",
            "The year's second hybrid (in-person and online) ordinary assembly.",
        ),
    },
    "fesc": {
        "title": T("La XMESS a la FESC 2022", "La XMESS en la FESC 2022", "XMESS at the FESC 2022"),
        "start": _madrid(2022, 10, 22, 12),
        "end": _madrid(2022, 10, 22, 13, 30),
        "format": "in_person",
        "lead": T(
            "Activitat presencial en el marc de la Fira d'Economia Solidària de Catalunya, per potenciar les sinergies entre administracions locals i organitzacions de l'àmbit.",
            "Actividad presencial en el marco de la Feria de Economía Solidaria de Cataluña, para potenciar las sinergias entre administraciones locales y organizaciones del ámbito.",
            "In-person activity at the Catalan Solidarity Economy Fair, to strengthen the synergies between local administrations and organisations in the field.",
        ),
    },
}

GROUP_MEETING = {
    "title": T(
        "Exemple: reunió virtual del grup d'Habitatge cooperatiu",
        "Ejemplo: reunión virtual del grupo de Vivienda cooperativa",
        "Example: online meeting of the Housing cooperatives group",
    ),
    "lead": T(
        "Esdeveniment d'exemple: els grups de treball es reuneixen en línia; aquesta reunió mostra com apareix a l'agenda una activitat d'un grup.",
        "Evento de ejemplo: los grupos de trabajo se reúnen en línea; esta reunión muestra cómo aparece en la agenda una actividad de un grupo.",
        "Example event: the working groups meet online; this meeting shows how a group's activity appears in the agenda.",
    ),
}

NEWS = {
    "plan": {
        "title": T(
            "Publicat el pla de treball 2022",
            "Publicado el plan de trabajo 2022",
            "The 2022 work plan is published",
        ),
        "date": datetime.date(2022, 1, 20),
        "category": "news",
        "lead": T(
            "Nou reptes, set àmbits d'actuació i un calendari amb les trobades de l'any: la xarxa comparteix el seu pla de treball per al 2022.",
            "Nueve retos, siete ámbitos de actuación y un calendario con los encuentros del año: la red comparte su plan de trabajo para 2022.",
            "Nine challenges, seven areas of action and a calendar of the year's meetings: the network shares its work plan for 2022.",
        ),
        "body": (
            T(
                "Notícia d'exemple, escrita a partir del pla de treball 2022.",
                "Noticia de ejemplo, escrita a partir del plan de trabajo 2022.",
                "Example news item, written from the 2022 work plan.",
            ),
            T(
                "El pla vol reforçar el paper de la XMESS com a xarxa de suport als membres i mantenir el millor de la virtualitat i de la presencialitat, escollint el format de cada activitat.",
                "El plan quiere reforzar el papel de la XMESS como red de apoyo a los miembros y mantener lo mejor de la virtualidad y de la presencialidad, escogiendo el formato de cada actividad.",
                "The plan sets out to strengthen XMESS as a network that supports its members and to keep the best of online and in-person work, choosing the format of each activity.",
            ),
        ),
        "group": None,
        "tags": ["pla de treball"],
    },
    "housing_guide": {
        "title": T(
            "Avança la guia de cooperativisme d'habitatge",
            "Avanza la guía de cooperativismo de vivienda",
            "The guide to cooperative housing moves forward",
        ),
        "date": datetime.date(2022, 3, 10),
        "category": "news",
        "lead": T(
            "El grup d'Habitatge cooperatiu continua elaborant, amb la Federació de Cooperatives d'Habitatge de Catalunya, la guia per a administracions locals iniciada el 2021.",
            "El grupo de Vivienda cooperativa continúa elaborando, con la Federación de Cooperativas de Vivienda de Cataluña, la guía para administraciones locales iniciada en 2021.",
            "The Housing cooperatives group keeps working, with the Federation of Housing Cooperatives of Catalonia, on the guide for local administrations started in 2021.",
        ),
        "body": (
            T(
                "Notícia d'exemple: el pla de treball 2022 preveu elaborar i difondre aquesta guia.",
                "Noticia de ejemplo: el plan de trabajo 2022 prevé elaborar y difundir esta guía.",
                "Example news item: the 2022 work plan plans to produce and spread this guide.",
            ),
        ),
        "group": "habitatge-cooperatiu",
        "tags": ["habitatge"],
    },
    "care_guide": {
        "title": T(
            "Una guia sobre polítiques públiques de cures",
            "Una guía sobre políticas públicas de cuidados",
            "A guide on public care policies",
        ),
        "date": datetime.date(2022, 5, 12),
        "category": "news",
        "lead": T(
            "El grup de Polítiques de cures prepara, amb el Grup d'economies feministes de la XES, una guia sobre polítiques públiques de l'àmbit de les cures.",
            "El grupo de Políticas de cuidados prepara, con el Grupo de economías feministas de la XES, una guía sobre políticas públicas del ámbito de los cuidados.",
            "The Care policies group is preparing, with the Feminist Economies Group of XES, a guide on public policies in the field of care.",
        ),
        "body": (
            T(
                "Notícia d'exemple, escrita a partir del pla de treball 2022.",
                "Noticia de ejemplo, escrita a partir del plan de trabajo 2022.",
                "Example news item, written from the 2022 work plan.",
            ),
        ),
        "group": "politiques-de-cures",
        "tags": ["cures"],
    },
    "fesc_press": {
        "title": T(
            "La XMESS participa a la FESC",
            "La XMESS participa en la FESC",
            "XMESS takes part in the FESC",
        ),
        "date": datetime.date(2022, 10, 10),
        "category": "press",
        "lead": T(
            "Nota de premsa d'exemple: la xarxa organitza una activitat presencial a la Fira d'Economia Solidària de Catalunya.",
            "Nota de prensa de ejemplo: la red organiza una actividad presencial en la Feria de Economía Solidaria de Cataluña.",
            "Example press release: the network holds an in-person activity at the Catalan Solidarity Economy Fair.",
        ),
        "body": (
            T(
                "L'activitat vol potenciar les sinergies entre administracions locals i organitzacions de l'economia social i solidària.",
                "La actividad quiere potenciar las sinergias entre administraciones locales y organizaciones de la economía social y solidaria.",
                "The activity aims to strengthen the synergies between local administrations and social and solidarity economy organisations.",
            ),
        ),
        "group": None,
        "tags": ["FESC"],
    },
}

BULLETIN = {
    "title": T(
        "Butlletí de la XMESS: primer semestre de 2022",
        "Boletín de la XMESS: primer semestre de 2022",
        "XMESS bulletin: first half of 2022",
    ),
    "lead": T(
        "Butlletí d'exemple: les notícies i les trobades de la xarxa de gener a juny de 2022.",
        "Boletín de ejemplo: las noticias y los encuentros de la red de enero a junio de 2022.",
        "Example bulletin: the network's news and meetings from January to June 2022.",
    ),
    "editorial": T(
        "Un recull del que ha fet la xarxa durant el primer semestre, seguint el pla de treball 2022.",
        "Una recopilación de lo que ha hecho la red durante el primer semestre, siguiendo el plan de trabajo 2022.",
        "A round-up of what the network did in the first half of the year, following the 2022 work plan.",
    ),
    "news": ["plan", "housing_guide", "care_guide"],
    "events": ["plenary", "spring_assembly"],
}


def load(context):
    groups = context.shared.get("working_groups", {})
    news_index, _ = ensure_page(
        context.home,
        NewsIndexPage,
        title=NEWS_INDEX_TITLE,
        introduction=NEWS_INDEX_INTRO,
        show_in_menus=True,
        search_description=NEWS_INDEX_INTRO,
    )
    agenda, _ = ensure_page(
        context.home,
        AgendaPage,
        title=AGENDA_TITLE,
        introduction=AGENDA_INTRO,
        show_in_menus=True,
        search_description=AGENDA_INTRO,
    )
    translate_page(news_index)
    translate_page(agenda)
    events = _ensure_events(agenda, groups)
    news = _ensure_news(news_index, groups)
    _ensure_bulletin(news_index, news, events)
    _ensure_work_plan(agenda, events)


def _ensure_events(agenda, groups):
    events = {}
    for key, spec in EVENTS.items():
        place = EXAMPLE_PLACE if spec["format"] != "online" else ""
        event, _ = ensure_page(
            agenda,
            EventPage,
            title=spec["title"],
            start=spec["start"],
            end=spec["end"],
            format=spec["format"],
            place=place,
            online_url=EXAMPLE_ONLINE_URL if spec["format"] == "hybrid" else "",
            lead=spec["lead"],
            body=[("paragraph", paragraphs(EXAMPLE_DATE_NOTE))],
            search_description=spec["lead"],
        )
        translate_page(event)
        events[key] = event
    group = groups.get("habitatge-cooperatiu")
    start = _next_thursday_evening(
        timezone.now().astimezone(EVENT_TIME_ZONE).date() + datetime.timedelta(days=21)
    )
    meeting, _ = ensure_page(
        agenda,
        EventPage,
        title=GROUP_MEETING["title"],
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        format="online",
        online_url=EXAMPLE_ONLINE_URL,
        organising_group=group,
        lead=GROUP_MEETING["lead"],
        search_description=GROUP_MEETING["lead"],
    )
    translate_page(meeting)
    events["group_meeting"] = meeting
    return events


def _next_thursday_evening(day):
    while day.weekday() != 3:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=EVENT_TIME_ZONE)


def _ensure_news(news_index, groups):
    news = {}
    for key, spec in NEWS.items():
        item, created = ensure_page(
            news_index,
            NewsPage,
            title=spec["title"],
            date=spec["date"],
            category=spec["category"],
            lead=spec["lead"],
            body=[("paragraph", paragraphs(*spec["body"]))],
            related_group=groups.get(spec["group"]) if spec["group"] else None,
            search_description=spec["lead"],
        )
        if created and spec["tags"]:
            item.tags.add(*spec["tags"])
            item.save_revision().publish()
        translate_page(item)
        news[key] = item
    return news


def _ensure_bulletin(news_index, news, events):
    bulletin, _ = ensure_page(
        news_index,
        BulletinPage,
        title=BULLETIN["title"],
        date=datetime.date(2022, 7, 15),
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 6, 30),
        lead=BULLETIN["lead"],
        body=[("paragraph", paragraphs(BULLETIN["editorial"]))],
        search_description=BULLETIN["lead"],
        chosen_news=[BulletinNews(news=news[key]) for key in BULLETIN["news"]],
        chosen_events=[BulletinEvent(event=events[key]) for key in BULLETIN["events"]],
    )
    translate_page(bulletin)


def _ensure_work_plan(agenda, events):
    areas = [("area", {"title": title, "lines": lines}) for title, lines in AREAS]
    plan, _ = ensure_page(
        agenda,
        WorkPlanPage,
        title=PLAN_TITLE,
        year=2022,
        introduction=PLAN_INTRODUCTION,
        search_description=PLAN_INTRODUCTION,
        areas=areas,
        challenges=[WorkPlanChallenge(text=catalan(text)) for text in CHALLENGES],
        ongoing_activities=[WorkPlanOngoingActivity(text=catalan(text)) for text in ONGOING],
        milestones=[
            WorkPlanMilestone(
                title=catalan(title),
                period=catalan(period),
                due_date=due_date,
                status="planned",
                fulfilled_by=events[event_key],
            )
            for event_key, period, title, due_date in MILESTONES
        ],
    )
    translate_page(plan)
