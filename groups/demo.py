"""The working groups named in the 2022 work plan, their coordinators' accounts,
and two products on their way through the secretariat's review."""

from django.contrib.auth import get_user_model
from django.test.utils import override_settings

from home.demo.builders import T, ensure_page, ensure_user, translate_page
from knowledge.models import GuidePage, KnowledgeKind

from .models import WorkingGroupIndexPage, WorkingGroupPage
from .provisioning import provision_everything

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
        "coordinator": (
            "coord-habitatge",
            "habitatge-demo",
            "Coordinator, housing cooperatives group",
        ),
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

MEETING_RHYTHM = T(
    "Reunions virtuals periòdiques", "Reuniones virtuales periódicas", "Regular online meetings"
)


def load(context):
    index, _ = ensure_page(
        context.home,
        WorkingGroupIndexPage,
        title=INDEX_TITLE,
        show_in_menus=True,
        search_description=INDEX_DESCRIPTION,
    )
    translate_page(index)
    context.shared["working_groups"] = {}
    for spec in GROUPS:
        group_page, _ = ensure_page(
            index,
            WorkingGroupPage,
            title=spec["title"],
            purpose=spec["purpose"],
            meeting_rhythm=MEETING_RHYTHM,
            partner_organisations=spec["partners"],
            search_description=spec["purpose"],
        )
        translate_page(group_page)
        context.shared["working_groups"][group_page.slug] = group_page
        if spec["coordinator"]:
            username, password, role = spec["coordinator"]
            user, account = ensure_user(
                username,
                password,
                role=role,
                email=f"{username}@xmess.example",
                first_name="Coordinació",
                last_name=spec["title"].ca,
            )
            _ensure_coordinator(group_page, user)
            context.add_account(account)
    # Publishing a group provisions it; this also covers sites loaded before provisioning existed.
    provision_everything()


def _ensure_coordinator(group_page, user):
    """Name the coordinator on the group page, as the secretariat would, and publish it."""
    group_page = WorkingGroupPage.objects.get(pk=group_page.pk)
    if group_page.coordinators.filter(pk=user.pk).exists():
        return
    group_page.coordinators.add(user)
    group_page.save_revision().publish()


# Drafts are written in Catalan and translated once approved, so these stay in Catalan.
PLANNED_YEAR = 2023
REVIEW_EXAMPLES = [
    {
        "group": "habitatge-cooperatiu",
        "coordinator": "coord-habitatge",
        "slug": "exemple-fitxa-cessio-d-us",
        "title": "Exemple: fitxa sobre la cessió d'ús per a ajuntaments",
        "summary": "Exemple de producte en revisió: un esborrany que la coordinació del grup ha enviat a la secretaria tècnica.",
        "rejection": None,
    },
    {
        "group": "politiques-de-cures",
        "coordinator": "coord-cures",
        "slug": "exemple-recull-de-bones-practiques-de-cures",
        "title": "Exemple: recull de bones pràctiques municipals de cures",
        "summary": "Exemple de producte retornat: la secretaria tècnica n'ha demanat canvis abans de publicar-lo.",
        "rejection": "Exemple de comentari: cal citar la font de cada pràctica i afegir-hi el municipi que la impulsa.",
    },
]


def load_workflow_examples(context):
    """One product in review and one sent back with a comment; created once, never duplicated."""
    secretariat = get_user_model().objects.get(username="secretaria")
    groups = context.shared["working_groups"]
    # The demo emails nobody: these are examples, not real submissions.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for example in REVIEW_EXAMPLES:
            group_page = groups[example["group"]]
            if group_page.get_children().filter(slug=example["slug"]).exists():
                continue
            coordinator = get_user_model().objects.get(username=example["coordinator"])
            product = GuidePage(
                title=example["title"],
                slug=example["slug"],
                summary=example["summary"],
                kind=KnowledgeKind.GUIDE,
                edition_status=GuidePage.EditionStatus.IN_PREPARATION,
                planned_year=PLANNED_YEAR,
                owner=coordinator,
                live=False,
                locale=group_page.locale,
            )
            group_page.add_child(instance=product)
            product.save_revision(user=coordinator)
            workflow_state = product.get_workflow().start(product, coordinator)
            if example["rejection"]:
                task_state = workflow_state.current_task_state
                task_state.task.specific.on_action(
                    task_state, secretariat, "reject", comment=example["rejection"]
                )
