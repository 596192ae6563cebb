"""The working groups named in the 2022 work plan, and their coordinators' accounts."""

from home.demo.builders import T, ensure_page, ensure_user, translate_page

from .models import WorkingGroupIndexPage, WorkingGroupPage
from .provisioning import ensure_coordinators_group

INDEX_TITLE = T("Grups de treball", "Grupos de trabajo", "Working groups")
INDEX_DESCRIPTION = T(
    "Els grups de treball es reuneixen en línia i elaboren els productes de la xarxa.",
    "Los grupos de trabajo se reúnen en línea y elaboran los productos de la red.",
    "The working groups meet online and produce the network's products.",
)

GROUPS = [
    {
        "title": T("Habitatge cooperatiu", "Vivienda cooperativa", "Housing cooperatives"),
        "purpose": T(
            "Elabora, amb la Federació de Cooperatives d'Habitatge de Catalunya, la Guia de cooperativisme d'habitatge per a administracions locals.",
            "Elabora, con la Federación de Cooperativas de Vivienda de Cataluña, la Guía de cooperativismo de vivienda para administraciones locales.",
            "Prepares, with the Catalan federation of housing cooperatives, the guide to cooperative housing for local administrations.",
        ),
        "partners": "Federació de Cooperatives d'Habitatge de Catalunya",
        "coordinator": ("coord-habitatge", "habitatge-demo", "Coordinator, housing cooperatives group"),
    },
    {
        "title": T("Polítiques de cures", "Políticas de cuidados", "Care policies"),
        "purpose": T(
            "Prepara una guia sobre polítiques públiques de l'àmbit de les cures, conjuntament amb el Grup d'economies feministes de la XES.",
            "Prepara una guía sobre políticas públicas del ámbito de los cuidados, conjuntamente con el Grupo de economías feministas de la XES.",
            "Prepares a guide on public care policies, together with the feminist economies group of XES.",
        ),
        "partners": "Grup d'economies feministes de la XES",
        "coordinator": ("coord-cures", "cures-demo", "Coordinator, care policies group"),
    },
    {
        "title": T(
            "Contractació i Compra Pública Responsable",
            "Contratación y Compra Pública Responsable",
            "Responsible Public Procurement",
        ),
        "purpose": T(
            "Impulsa la contractació i compra pública responsable de l'economia social i solidària, amb una campanya de comunicació iniciada el 2021.",
            "Impulsa la contratación y compra pública responsable de la economía social y solidaria, con una campaña de comunicación iniciada en 2021.",
            "Promotes responsible public procurement from the social and solidarity economy, with a communication campaign started in 2021.",
        ),
        "partners": "",
        "coordinator": None,
    },
]

MEETING_RHYTHM = T("Reunions virtuals periòdiques", "Reuniones virtuales periódicas", "Regular online meetings")


def load(context):
    index, _ = ensure_page(
        context.home, WorkingGroupIndexPage, title=INDEX_TITLE,
        show_in_menus=True, search_description=INDEX_DESCRIPTION,
    )
    translate_page(index)
    context.shared["working_groups"] = {}
    for spec in GROUPS:
        group_page, _ = ensure_page(
            index, WorkingGroupPage, title=spec["title"], purpose=spec["purpose"],
            meeting_rhythm=MEETING_RHYTHM, partner_organisations=spec["partners"],
            search_description=spec["purpose"],
        )
        translate_page(group_page)
        context.shared["working_groups"][group_page.slug] = group_page
        if spec["coordinator"]:
            username, password, role = spec["coordinator"]
            coordinators = ensure_coordinators_group(group_page)
            _, account = ensure_user(
                username, password, role=role, email=f"{username}@xmess.example",
                first_name="Coordinació", last_name=spec["title"].ca, groups=[coordinators],
            )
            context.add_account(account)
