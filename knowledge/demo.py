"""Demo content: the library, the guides and the policy documents the 2022 work plan names.

Only what the plan says is stated as fact (who prepares each guide, the 2nd
edition of the ABC guide planned for 2023, the work on the ESS law); every
other text says it is an example. Each item gets a small PDF made at load time
whose text describes it, so that searching for a word found only in a file
finds the page.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.demo.builders import T, ensure_page, paragraphs, translate_page
from taxonomy.models import Topic

from .demo_files import build_pdf
from .models import (
    GuideChapterPage,
    GuidePage,
    KnowledgeAttachment,
    KnowledgeKind,
    LibraryPage,
    PolicyDocumentPage,
    PolicyDocumentRelation,
)

EXAMPLE_NOTE = T(
    "Contingut d'exemple per a la demostració del lloc web: el pla de treball 2022 anomena aquest producte, però no en descriu el text.",
    "Contenido de ejemplo para la demostración del sitio web: el plan de trabajo 2022 nombra este producto, pero no describe su texto.",
    "Example content for the website demo: the 2022 work plan names this product but does not describe its text.",
)

POLICY_EXAMPLE_NOTE = T(
    "Fitxa d'exemple per a la demostració del lloc web: el pla de treball 2022 descriu la feina de la xarxa sobre aquest text, però no el seu contingut.",
    "Ficha de ejemplo para la demostración del sitio web: el plan de trabajo 2022 describe el trabajo de la red sobre este texto, pero no su contenido.",
    "Example page for the website demo: the 2022 work plan describes the network's work on this text, not its content.",
)

TOPICS = {
    "habitatge-cooperatiu": T(
        "Habitatge cooperatiu", "Vivienda cooperativa", "Cooperative housing"
    ),
    "cures": T("Cures", "Cuidados", "Care"),
    "contractacio-publica-responsable": T(
        "Contractació pública responsable",
        "Contratación pública responsable",
        "Responsible public procurement",
    ),
    "marc-normatiu-ess": T(
        "Marc normatiu de l'ESS",
        "Marco normativo de la ESS",
        "Legal framework of the social economy",
    ),
    "economia-social-i-solidaria": T(
        "Economia social i solidària",
        "Economía social y solidaria",
        "Social and solidarity economy",
    ),
}

LIBRARY_TITLE = T("Biblioteca", "Biblioteca", "Library")
LIBRARY_INTRO = T(
    "Guies, materials i documents de política pública de la xarxa i dels seus grups de treball. Filtreu per tipus, tema, grup, any o llengua.",
    "Guías, materiales y documentos de política pública de la red y de sus grupos de trabajo. Filtrad por tipo, tema, grupo, año o idioma.",
    "Guides, material and policy documents of the network and its working groups. Filter by kind, topic, group, year or language.",
)


def chapter(title, *sections):
    """Chapter spec: a title and (heading, paragraph) sections, all ``T``."""
    return {"title": title, "sections": sections}


GUIDES = [
    {
        "key": "housing",
        "parent": "habitatge-cooperatiu",
        "title": T(
            "Guia de cooperativisme d'habitatge per a administracions locals",
            "Guía de cooperativismo de vivienda para administraciones locales",
            "Guide to cooperative housing for local administrations",
        ),
        "kind": KnowledgeKind.GUIDE,
        "summary": T(
            "Guia del grup de treball d'habitatge cooperatiu, elaborada conjuntament amb la Federació de Cooperatives d'Habitatge de Catalunya i iniciada el 2021, perquè els ajuntaments puguin impulsar l'habitatge cooperatiu.",
            "Guía del grupo de trabajo de vivienda cooperativa, elaborada conjuntamente con la Federación de Cooperativas de Vivienda de Cataluña e iniciada en 2021, para que los ayuntamientos puedan impulsar la vivienda cooperativa.",
            "Guide by the cooperative housing working group, prepared with the Catalan federation of housing cooperatives and started in 2021, so that town councils can promote cooperative housing.",
        ),
        "authors": "Grup de treball d'habitatge cooperatiu; Federació de Cooperatives d'Habitatge de Catalunya",
        "date": datetime.date(2022, 6, 1),
        "topics": ["habitatge-cooperatiu", "economia-social-i-solidaria"],
        "tags": ["habitatge", "cooperatives", "cessió d'ús"],
        "chapters": [
            chapter(
                T(
                    "Per què l'habitatge cooperatiu",
                    "Por qué la vivienda cooperativa",
                    "Why cooperative housing",
                ),
                (
                    T(
                        "Què és una cooperativa d'habitatge",
                        "Qué es una cooperativa de vivienda",
                        "What a housing cooperative is",
                    ),
                    T(
                        "Text d'exemple: una cooperativa d'habitatge en cessió d'ús és propietària de l'edifici i les persones sòcies en tenen el dret d'ús.",
                        "Texto de ejemplo: una cooperativa de vivienda en cesión de uso es propietaria del edificio y las personas socias tienen su derecho de uso.",
                        "Example text: a housing cooperative under the right-of-use model owns the building and its members hold the right to use it.",
                    ),
                ),
                (
                    T(
                        "El paper dels ajuntaments",
                        "El papel de los ayuntamientos",
                        "The role of town councils",
                    ),
                    T(
                        "Text d'exemple: l'ajuntament pot cedir sòl públic en dret de superfície i acompanyar els grups promotors.",
                        "Texto de ejemplo: el ayuntamiento puede ceder suelo público en derecho de superficie y acompañar a los grupos promotores.",
                        "Example text: the town council can grant public land as a surface right and support the founding groups.",
                    ),
                ),
            ),
            chapter(
                T("Instruments municipals", "Instrumentos municipales", "Municipal tools"),
                (
                    T("Cessió de sòl", "Cesión de suelo", "Granting land"),
                    T(
                        "Text d'exemple: condicions i terminis habituals d'un concurs de cessió de sòl per a habitatge cooperatiu.",
                        "Texto de ejemplo: condiciones y plazos habituales de un concurso de cesión de suelo para vivienda cooperativa.",
                        "Example text: usual conditions and terms of a tender granting land for cooperative housing.",
                    ),
                ),
            ),
            chapter(
                T(
                    "Acompanyament i seguiment",
                    "Acompañamiento y seguimiento",
                    "Support and follow-up",
                ),
                (
                    T("Assessorament", "Asesoramiento", "Advice"),
                    T(
                        "Text d'exemple: la xarxa ofereix assessoraments virtuals i, en casos específics, assessoraments conjunts amb la Federació.",
                        "Texto de ejemplo: la red ofrece asesoramientos virtuales y, en casos específicos, asesoramientos conjuntos con la Federación.",
                        "Example text: the network offers online advice and, in specific cases, joint advice with the Federation.",
                    ),
                ),
            ),
        ],
        "pdf": {
            "title": "Guia de cooperativisme d'habitatge per a administracions locals",
            "paragraphs": [
                "Document d'exemple generat per a la demostració del lloc web de la XMESS. Descriu la guia; no n'és el text oficial.",
                "La guia l'elabora el grup de treball d'habitatge cooperatiu de la XMESS conjuntament amb la Federació de Cooperatives d'Habitatge de Catalunya. Es va iniciar el 2021.",
                "Exemple de continguts: cessió de sòl en dret de superfície, cooperatives en cessió d'ús i masoveria urbana com a fórmula per rehabilitar habitatges buits.",
            ],
        },
    },
    {
        "key": "care",
        "parent": "politiques-de-cures",
        "title": T(
            "Guia sobre polítiques públiques de l'àmbit de les cures",
            "Guía sobre políticas públicas del ámbito de los cuidados",
            "Guide to public care policies",
        ),
        "kind": KnowledgeKind.GUIDE,
        "summary": T(
            "Guia del grup de treball de polítiques de cures, preparada conjuntament amb el Grup d'economies feministes de la XES.",
            "Guía del grupo de trabajo de políticas de cuidados, preparada conjuntamente con el Grupo de economías feministas de la XES.",
            "Guide by the care policies working group, prepared together with the feminist economies group of XES.",
        ),
        "authors": "Grup de treball de polítiques de cures; Grup d'economies feministes de la XES",
        "date": datetime.date(2022, 10, 1),
        "topics": ["cures", "economia-social-i-solidaria"],
        "tags": ["cures", "economia feminista"],
        "chapters": [
            chapter(
                T(
                    "Les cures com a política pública",
                    "Los cuidados como política pública",
                    "Care as public policy",
                ),
                (
                    T("Punt de partida", "Punto de partida", "Starting point"),
                    T(
                        "Text d'exemple: per què les administracions locals poden impulsar iniciatives de cures de l'economia social i solidària.",
                        "Texto de ejemplo: por qué las administraciones locales pueden impulsar iniciativas de cuidados de la economía social y solidaria.",
                        "Example text: why local administrations can promote care initiatives from the social and solidarity economy.",
                    ),
                ),
            ),
            chapter(
                T("Experiències municipals", "Experiencias municipales", "Municipal experiences"),
                (
                    T("Cooperatives de cures", "Cooperativas de cuidados", "Care cooperatives"),
                    T(
                        "Text d'exemple: aquí la guia recollirà experiències dels membres de la xarxa.",
                        "Texto de ejemplo: aquí la guía recogerá experiencias de los miembros de la red.",
                        "Example text: here the guide will gather experiences from the network's members.",
                    ),
                ),
            ),
        ],
        "pdf": {
            "title": "Guia sobre polítiques públiques de l'àmbit de les cures",
            "paragraphs": [
                "Document d'exemple generat per a la demostració del lloc web de la XMESS. Descriu la guia; no n'és el text oficial.",
                "La guia la prepara el grup de treball de polítiques de cures de la XMESS conjuntament amb el Grup d'economies feministes de la XES.",
                "Exemple de continguts: corresponsabilitat pública i comunitària en les cures, i cooperatives de treballadores de la llar.",
            ],
        },
    },
    {
        "key": "procurement",
        "parent": "contractacio-i-compra-publica-responsable",
        "title": T(
            "Campanya de comunicació sobre la contractació i compra pública responsable",
            "Campaña de comunicación sobre la contratación y compra pública responsable",
            "Communication campaign on responsible public procurement",
        ),
        "kind": KnowledgeKind.CAMPAIGN,
        "summary": T(
            "Materials de la campanya de comunicació, iniciada el 2021, per impulsar la contractació i compra pública responsable de l'economia social i solidària.",
            "Materiales de la campaña de comunicación, iniciada en 2021, para impulsar la contratación y compra pública responsable de la economía social y solidaria.",
            "Material from the communication campaign, started in 2021, to promote responsible public procurement from the social and solidarity economy.",
        ),
        "authors": "Grup de treball de Contractació i Compra Pública Responsable",
        "date": datetime.date(2021, 11, 1),
        "topics": ["contractacio-publica-responsable", "economia-social-i-solidaria"],
        "tags": ["campanya", "contractació pública"],
        "chapters": [],
        "pdf": {
            "title": "Campanya: contractació i compra pública responsable de l'ESS",
            "paragraphs": [
                "Document d'exemple generat per a la demostració del lloc web de la XMESS. Descriu la campanya; no n'és el material oficial.",
                "El pla de treball 2022 preveu la continuïtat de la campanya de comunicació sobre l'impuls de la Contractació i Compra Pública Responsable de l'Economia Social i Solidària, iniciada el 2021.",
                "Exemple de missatges: contractes reservats a empreses d'inserció i centres especials de treball, i clàusules socials als plecs.",
            ],
        },
    },
]

ABC_TITLE = T("Guia ABC", "Guía ABC", "ABC guide")
ABC_FIRST = {
    "title": ABC_TITLE,
    "summary": T(
        "La Guia ABC de la xarxa, primera edició. La data de publicació d'aquesta fitxa és d'exemple.",
        "La Guía ABC de la red, primera edición. La fecha de publicación de esta ficha es de ejemplo.",
        "The network's ABC guide, first edition. The publication date shown here is an example.",
    ),
    "pdf": {
        "title": "Guia ABC - 1a edició",
        "paragraphs": [
            "Document d'exemple generat per a la demostració del lloc web de la XMESS. Descriu la guia; no n'és el text oficial.",
            "Primera edició de la Guia ABC de la xarxa, un abecedari de conceptes bàsics de l'economia social i solidària per a ajuntaments (descripció d'exemple).",
        ],
    },
}
ABC_SECOND = {
    "title": T(
        "Guia ABC (2a edició, en preparació)",
        "Guía ABC (2.ª edición, en preparación)",
        "ABC guide (2nd edition, in preparation)",
    ),
    "summary": T(
        "El pla de treball 2022 preveu avançar en l'elaboració d'una 2a edició de la Guia ABC, que es preveu publicar durant el 2023.",
        "El plan de trabajo 2022 prevé avanzar en la elaboración de una 2.ª edición de la Guía ABC, que se prevé publicar durante 2023.",
        "The 2022 work plan foresees progress on a 2nd edition of the ABC guide, planned for publication during 2023.",
    ),
    "pdf": {
        "title": "Guia ABC - 2a edició (en preparació)",
        "paragraphs": [
            "Document d'exemple generat per a la demostració del lloc web de la XMESS.",
            "Segons el pla de treball 2022, la 2a edició de la Guia ABC està en elaboració i es preveu publicar durant el 2023. Encara no està publicada.",
            "Nota d'exemple: aquí s'hi recolliran els canvis previstos respecte de la primera edició.",
        ],
    },
}

POLICY_DOCUMENTS = [
    {
        "key": "ess-law",
        "title": T(
            "Llei de l'economia social i solidària de Catalunya (en elaboració)",
            "Ley de la economía social y solidaria de Cataluña (en elaboración)",
            "Catalan law on the social and solidarity economy (in preparation)",
        ),
        "kind": KnowledgeKind.LAW,
        "level": PolicyDocumentPage.Level.CATALONIA,
        "status": PolicyDocumentPage.DocumentStatus.DRAFT,
        "issuing_body": "Parlament de Catalunya",
        "summary": T(
            "La nova llei catalana d'ESS, en la qual el pla de treball 2022 es proposa que la xarxa tingui un paper rellevant. Aquesta fitxa recull el seguiment de la xarxa; no és el text oficial.",
            "La nueva ley catalana de ESS, en la que el plan de trabajo 2022 se propone que la red tenga un papel relevante. Esta ficha recoge el seguimiento de la red; no es el texto oficial.",
            "The new Catalan law on the social and solidarity economy, in which the 2022 work plan wants the network to play a relevant role. This page holds the network's follow-up, not the official text.",
        ),
        "date": datetime.date(2022, 3, 1),
        "topics": ["marc-normatiu-ess", "economia-social-i-solidaria"],
        "tags": ["Llei d'ESS"],
        "pdf": {
            "title": "Seguiment de la Llei d'ESS",
            "paragraphs": [
                "Document d'exemple generat per a la demostració del lloc web de la XMESS. No és el text de la llei.",
                "El pla de treball 2022 de la XMESS es proposa l'assoliment d'un paper rellevant en la nova Llei d'ESS.",
                "Exemple de contingut: calendari de l'avantprojecte, aportacions dels ajuntaments membres i punts de seguiment.",
            ],
        },
    },
    {
        "key": "ess-law-position",
        "title": T(
            "Posicionament de la XMESS sobre la Llei d'ESS",
            "Posicionamiento de la XMESS sobre la Ley de ESS",
            "XMESS position on the ESS law",
        ),
        "kind": KnowledgeKind.POSITION_PAPER,
        "level": PolicyDocumentPage.Level.CATALONIA,
        "status": PolicyDocumentPage.DocumentStatus.DRAFT,
        "issuing_body": "XMESS",
        "summary": T(
            "Document de treball d'exemple: com es podria recollir la posició dels ajuntaments de la xarxa sobre la nova Llei d'ESS.",
            "Documento de trabajo de ejemplo: cómo se podría recoger la posición de los ayuntamientos de la red sobre la nueva Ley de ESS.",
            "Example working paper: how the position of the network's town councils on the new ESS law could be set out.",
        ),
        "date": datetime.date(2022, 5, 1),
        "topics": ["marc-normatiu-ess"],
        "tags": ["Llei d'ESS", "posicionament"],
        "pdf": {
            "title": "Posicionament de la XMESS sobre la Llei d'ESS (esborrany d'exemple)",
            "paragraphs": [
                "Document d'exemple generat per a la demostració del lloc web de la XMESS. No és un posicionament aprovat.",
                "Exemple d'estructura: reconeixement del paper dels ens locals, finançament de les polítiques d'ESS i relació amb els Ateneus Cooperatius.",
            ],
        },
    },
    {
        "key": "procurement-law",
        "title": T(
            "Propostes per a una llei catalana de contractació i compra pública responsable",
            "Propuestas para una ley catalana de contratación y compra pública responsable",
            "Proposals for a Catalan law on responsible public procurement",
        ),
        "kind": KnowledgeKind.POSITION_PAPER,
        "level": PolicyDocumentPage.Level.CATALONIA,
        "status": PolicyDocumentPage.DocumentStatus.DRAFT,
        "issuing_body": "XMESS",
        "summary": T(
            "El pla de treball 2022 esmenta una possible llei catalana de contractació i compra pública responsable. Document de treball d'exemple.",
            "El plan de trabajo 2022 menciona una posible ley catalana de contratación y compra pública responsable. Documento de trabajo de ejemplo.",
            "The 2022 work plan mentions a possible Catalan law on responsible public procurement. Example working paper.",
        ),
        "date": datetime.date(2022, 9, 1),
        "topics": ["contractacio-publica-responsable", "marc-normatiu-ess"],
        "tags": ["contractació pública"],
        "pdf": {
            "title": "Propostes per a una llei de contractació i compra pública responsable",
            "paragraphs": [
                "Document d'exemple generat per a la demostració del lloc web de la XMESS.",
                "Exemple de propostes: percentatges mínims de contractes reservats, criteris d'adjudicació socials i ambientals, i formació del personal municipal.",
            ],
        },
    },
]


def load(context):
    topics = ensure_topics()
    library, _ = ensure_page(
        context.home,
        LibraryPage,
        title=LIBRARY_TITLE,
        introduction=paragraphs(LIBRARY_INTRO),
        show_in_menus=True,
        search_description=LIBRARY_INTRO,
    )
    translate_page(library)
    groups = context.shared.get("working_groups", {})
    pages = {}
    for spec in GUIDES:
        parent = groups.get(spec["parent"], library)
        pages[spec["key"]] = ensure_guide(parent, spec, topics)
    first = ensure_guide(
        library,
        {
            **ABC_FIRST,
            "kind": KnowledgeKind.GUIDE,
            "date": datetime.date(2020, 1, 1),
            "topics": ["economia-social-i-solidaria"],
            "tags": ["guia ABC"],
            "authors": "XMESS",
            "chapters": [],
        },
        topics,
    )
    ensure_guide(
        library,
        {
            **ABC_SECOND,
            "kind": KnowledgeKind.GUIDE,
            "date": None,
            "topics": ["economia-social-i-solidaria"],
            "tags": ["guia ABC"],
            "authors": "XMESS",
            "chapters": [],
            "slug": "guia-abc-2a-edicio",
        },
        topics,
        edition={
            "edition_number": 2,
            "edition_status": GuidePage.EditionStatus.IN_PREPARATION,
            "planned_year": 2023,
            "previous_edition": first,
        },
    )
    for spec in POLICY_DOCUMENTS:
        pages[spec["key"]] = ensure_policy_document(library, spec, topics)
    # Linked before translating, so that the translations carry the links too.
    link_related(pages["ess-law"], [pages["ess-law-position"], pages["procurement-law"]])
    link_related(pages["ess-law-position"], [pages["ess-law"]])
    link_related(pages["procurement-law"], [pages["procurement"], pages["ess-law"]])
    for spec in POLICY_DOCUMENTS:
        translate_page(pages[spec["key"]])
    context.shared["library"] = library


def ensure_topics():
    """The topics the demo uses, in Catalan with their Spanish and English translations."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    topics = {}
    for slug, name in TOPICS.items():
        topic = Topic.objects.filter(slug=slug, locale=locales["ca"]).first()
        if topic is None:
            topic = Topic.objects.create(name=name.ca, slug=slug, locale=locales["ca"])
        for code in ("es", "en"):
            if (
                code in locales
                and not Topic.objects.filter(
                    translation_key=topic.translation_key, locale=locales[code]
                ).exists()
            ):
                translation = topic.copy_for_translation(locales[code])
                translation.name = name.get(code)
                translation.slug = slugify(name.get(code))
                translation.save()
        topics[slug] = topic
    return topics


def ensure_pdf(spec, language="ca"):
    """A document holding a generated PDF, found again by its title."""
    Document = get_document_model()
    title = spec["title"]
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(
            title=title, language=language, description=spec["paragraphs"][-1][:500]
        )
        filename = f"{slugify(title)[:80]}.pdf"
        document.file.save(filename, ContentFile(build_pdf(title, spec["paragraphs"])), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _attach(page, spec, topics):
    page.topics = [topics[slug] for slug in spec["topics"]]
    page.tags.add(*spec["tags"])
    page.attachments.add(KnowledgeAttachment(document=ensure_pdf(spec["pdf"])))


def ensure_guide(parent, spec, topics, edition=None):
    page, created = ensure_page(
        parent,
        GuidePage,
        spec.get("slug"),
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        authors=spec["authors"],
        publication_date=spec["date"],
        search_description=spec["summary"],
        introduction=[("paragraph", paragraphs(EXAMPLE_NOTE))],
        **(edition or {}),
    )
    if created:
        _attach(page, spec, topics)
        page.save_revision().publish()
    translate_page(page)
    for chapter_spec in spec["chapters"]:
        body = []
        for heading, text in chapter_spec["sections"]:
            body.append(("heading", {"text": heading, "level": "h2"}))
            body.append(("paragraph", paragraphs(text)))
        chapter_page, _ = ensure_page(
            page, GuideChapterPage, title=chapter_spec["title"], body=body
        )
        translate_page(chapter_page)
    return page


def ensure_policy_document(parent, spec, topics):
    page, created = ensure_page(
        parent,
        PolicyDocumentPage,
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        level=spec["level"],
        document_status=spec["status"],
        issuing_body=spec["issuing_body"],
        publication_date=spec["date"],
        search_description=spec["summary"],
        body=[("paragraph", paragraphs(POLICY_EXAMPLE_NOTE))],
    )
    if created:
        _attach(page, spec, topics)
        page.save_revision().publish()
    return page


def link_related(page, targets):
    """Related documents, added once; translations follow through wagtail-localize."""
    if page.related_document_links.exists():
        return
    for target in targets:
        page.related_document_links.add(PolicyDocumentRelation(target=target))
    page.save_revision().publish()
