"""The 2022 work plan of XMESS, transcribed from the seed document (Catalan,
as written there) with faithful Spanish and English translations."""

import datetime

from home.demo.builders import T

PLAN_TITLE = T("Pla de treball 2022", "Plan de trabajo 2022", "Work plan 2022")
PLAN_INTRODUCTION = T(
    "Els reptes, els àmbits d'actuació i el calendari que la xarxa es va fixar per al 2022.",
    "Los retos, los ámbitos de actuación y el calendario que la red se fijó para 2022.",
    "The challenges, areas of action and calendar the network set itself for 2022.",
)

CHALLENGES = [
    T(
        "Reforçar el paper de la XMESS com a xarxa de suport als membres",
        "Reforzar el papel de la XMESS como red de apoyo a los miembros",
        "Strengthen the role of XMESS as a network that supports its members",
    ),
    T(
        "Promoure la XMESS com un agent referent dins de l'ecosistema, especialment en relació amb la Llei d'ESS",
        "Promover la XMESS como un agente referente dentro del ecosistema, especialmente en relación con la Ley de ESS",
        "Promote XMESS as a reference actor within the ecosystem, especially in relation to the ESS Law",
    ),
    T(
        "Potenciar les actuacions que millor han funcionat durant el 2021",
        "Potenciar las actuaciones que mejor han funcionado durante 2021",
        "Build on the actions that worked best during 2021",
    ),
    T(
        "Donar continuïtat al procés de reflexió estratègica de la xarxa",
        "Dar continuidad al proceso de reflexión estratégica de la red",
        "Continue the network's strategic reflection process",
    ),
    T(
        "Consolidar el paper rellevant dels Grups de treball",
        "Consolidar el papel relevante de los Grupos de trabajo",
        "Consolidate the relevant role of the Working groups",
    ),
    T(
        "Potenciar la comunicació de les actuacions i el valor que aporta la XMESS als membres",
        "Potenciar la comunicación de las actuaciones y el valor que aporta la XMESS a los miembros",
        "Strengthen the communication of the network's actions and of the value XMESS brings to its members",
    ),
    T(
        "Posar en valor i equilibrar les tasques reproductives de la xarxa",
        "Poner en valor y equilibrar las tareas reproductivas de la red",
        "Value and balance the network's reproductive tasks (the work of care and upkeep)",
    ),
    T(
        "Garantir que les implicacions de l'adscripció al Grup municipal no afectin a la governança i el bon funcionament de la xarxa",
        "Garantizar que las implicaciones de la adscripción al Grupo municipal no afecten a la gobernanza y al buen funcionamiento de la red",
        "Ensure that the implications of joining the municipal Group do not affect the governance and the smooth running of the network",
    ),
    T(
        "Mantenir el millor de la virtualitat i el millor de la presencialitat, escollint el format òptim en funció de cada activitat",
        "Mantener lo mejor de la virtualidad y lo mejor de la presencialidad, escogiendo el formato óptimo en función de cada actividad",
        "Keep the best of online and the best of in-person work, choosing the best format for each activity",
    ),
]


def line(text, *details):
    return {"text": text, "details": list(details)}


AREAS = [
    (
        T("Assessoraments i mentories", "Asesoramientos y mentorías", "Advice and mentoring"),
        [
            line(
                T(
                    "Ampliació de la bossa d'hores d'assessoraments virtuals i d'elaboració de productes.",
                    "Ampliación de la bolsa de horas de asesoramientos virtuales y de elaboración de productos.",
                    "Expanding the bank of hours for online advice and for producing products.",
                )
            ),
            line(
                T(
                    "En casos específics, realització d'assessoraments conjunts amb organitzacions referents de l'ecosistema (per exemple, amb la Federació de Cooperatives d'Habitatge de Catalunya, amb FETS - Finançament Ètic i Solidari o amb CSITAL).",
                    "En casos específicos, realización de asesoramientos conjuntos con organizaciones referentes del ecosistema (por ejemplo, con la Federació de Cooperatives d'Habitatge de Catalunya, con FETS - Finançament Ètic i Solidari o con CSITAL).",
                    "In specific cases, joint advice with leading organisations of the ecosystem (for example, with the Federation of Housing Cooperatives of Catalonia, with FETS - Ethical and Solidarity Finance or with CSITAL).",
                )
            ),
            line(
                T(
                    "Difusió de les mentories.",
                    "Difusión de las mentorías.",
                    "Spreading the word about the mentoring.",
                )
            ),
        ],
    ),
    (
        T(
            "Acollida i cura de membres",
            "Acogida y cuidado de miembros",
            "Welcoming and caring for members",
        ),
        [
            line(
                T(
                    "Consolidació el model d'acollida de nous membres (reunions virtuals d'identificació de necessitats).",
                    "Consolidación del modelo de acogida de nuevos miembros (reuniones virtuales de identificación de necesidades).",
                    "Consolidating the model for welcoming new members (online meetings to identify their needs).",
                )
            ),
            line(
                T(
                    "Intensificació de la tasca d'atenció, seguiment i cura dels membres, incloent:",
                    "Intensificación de la tarea de atención, seguimiento y cuidado de los miembros, incluyendo:",
                    "Stepping up the work of attending to, following up and caring for members, including:",
                ),
                T(
                    "La definició d'un sistema de seguiment i recollida de necessitats.",
                    "La definición de un sistema de seguimiento y recogida de necesidades.",
                    "Defining a system to follow up and collect needs.",
                ),
                T(
                    "La resolució de dubtes i el seguiment sobre el funcionament de la xarxa i el pagament de quotes.",
                    "La resolución de dudas y el seguimiento sobre el funcionamiento de la red y el pago de cuotas.",
                    "Answering questions and following up on how the network works and on the payment of membership fees.",
                ),
                T(
                    "L'elaboració d'informes a partir de les necessitats recollides (per exemple, amb les necessitats de contractació que preveuen tenir els membres).",
                    "La elaboración de informes a partir de las necesidades recogidas (por ejemplo, con las necesidades de contratación que prevén tener los miembros).",
                    "Preparing reports from the needs collected (for example, on the contracting needs that members expect to have).",
                ),
            ),
        ],
    ),
    (
        T(
            "Comissions, Assemblees i Trobada d'electes",
            "Comisiones, Asambleas y Encuentro de electos",
            "Committees, Assemblies and Meeting of elected officials",
        ),
        [
            line(
                T(
                    "Realització de Comissions executives i tècniques virtuals.",
                    "Realización de Comisiones ejecutivas y técnicas virtuales.",
                    "Holding online executive and technical committee meetings.",
                )
            ),
            line(
                T(
                    "Realització d'Assemblees ordinàries híbrides (presencial i virtual) els mesos de març/abril i setembre.",
                    "Realización de Asambleas ordinarias híbridas (presencial y virtual) en los meses de marzo/abril y septiembre.",
                    "Holding hybrid (in-person and online) ordinary assemblies in March/April and September.",
                )
            ),
            line(
                T(
                    "Realització de la 3ª Trobada de càrrecs electes presencial, com a molt tard el mes de juliol, intentant fer-la coincidir amb alguna altre activitat presencial de la xarxa.",
                    "Realización del 3.er Encuentro de cargos electos presencial, como muy tarde en el mes de julio, intentando hacerlo coincidir con alguna otra actividad presencial de la red.",
                    "Holding the 3rd in-person Meeting of elected officials, in July at the latest, trying to hold it together with another in-person activity of the network.",
                )
            ),
        ],
    ),
    (
        T(
            "Jornades, activitats i grups de treball",
            "Jornadas, actividades y grupos de trabajo",
            "Conferences, activities and working groups",
        ),
        [
            line(
                T(
                    "Consolidació dels 7 Grups de treball existents, mantenint les reunions virtuals.",
                    "Consolidación de los 7 Grupos de trabajo existentes, manteniendo las reuniones virtuales.",
                    "Consolidating the 7 existing Working groups, keeping their online meetings.",
                )
            ),
            line(
                T(
                    "Realització de tallers pràctics virtuals sobre temàtiques d'interès com, per exemple:",
                    "Realización de talleres prácticos virtuales sobre temáticas de interés como, por ejemplo:",
                    "Holding practical online workshops on topics of interest, for example:",
                ),
                T(
                    "Contractació i Compra Pública Responsable en sectors d'activitat específics.",
                    "Contratación y Compra Pública Responsable en sectores de actividad específicos.",
                    "Responsible Public Procurement in specific sectors of activity.",
                ),
                T(
                    "Digitalització i programari lliure.",
                    "Digitalización y software libre.",
                    "Digitalisation and free software.",
                ),
            ),
            line(
                T(
                    "Elaboració i difusió de productes resultants dels Grups de treball com, per exemple:",
                    "Elaboración y difusión de productos resultantes de los Grupos de trabajo como, por ejemplo:",
                    "Producing and spreading the products of the Working groups, for example:",
                ),
                T(
                    "Guia de cooperativisme d'habitatge per Administracions Locals (conjuntament amb la Federació de Cooperatives d'Habitatge de Catalunya i iniciada el 2021)",
                    "Guía de cooperativismo de vivienda para Administraciones Locales (conjuntamente con la Federació de Cooperatives d'Habitatge de Catalunya e iniciada en 2021)",
                    "Guide to cooperative housing for Local Administrations (together with the Federation of Housing Cooperatives of Catalonia, started in 2021)",
                ),
                T(
                    "Guia sobre polítiques públiques de l'àmbit de les cures (conjuntament amb el Grup d'economies feministes de la XES).",
                    "Guía sobre políticas públicas del ámbito de los cuidados (conjuntamente con el Grupo de economías feministas de la XES).",
                    "Guide on public policies in the field of care (together with the Feminist Economies Group of XES).",
                ),
                T(
                    "Continuïtat de la campanya de comunicació sobre l'impuls de la Contractació i Compra Pública Responsable de l'Economia Social i Solidària (iniciada el 2021).",
                    "Continuidad de la campaña de comunicación sobre el impulso de la Contratación y Compra Pública Responsable de la Economía Social y Solidaria (iniciada en 2021).",
                    "Continuing the communication campaign promoting Responsible Public Procurement from the Social and Solidarity Economy (started in 2021).",
                ),
            ),
            line(
                T(
                    "Creació de nous grups de treball segons necessitats (per exemple, digitalització, crisi climàtica o seguiment i alternatives als Fons Next Generation).",
                    "Creación de nuevos grupos de trabajo según necesidades (por ejemplo, digitalización, crisis climática o seguimiento y alternativas a los Fondos Next Generation).",
                    "Creating new working groups as needed (for example, digitalisation, the climate crisis, or monitoring of and alternatives to the Next Generation Funds).",
                )
            ),
            line(
                T(
                    "Realització d'una Trobada plenària de Grups de treball presencial durant el gener/febrer per compartir coneixements i reflexions i avançar en la definició d'un model de Grups de treball autònoms i amb pressupost associat.",
                    "Realización de un Encuentro plenario de Grupos de trabajo presencial durante enero/febrero para compartir conocimientos y reflexiones y avanzar en la definición de un modelo de Grupos de trabajo autónomos y con presupuesto asociado.",
                    "Holding an in-person Plenary meeting of Working groups in January/February to share knowledge and reflections and to move forward in defining a model of autonomous Working groups with their own budget.",
                )
            ),
            line(
                T(
                    "Realització d'una activitat presencial en el marc de la FESC, tot potenciant la dinàmica de sinèrgies entre Administracions Locals i organitzacions de l'àmbit.",
                    "Realización de una actividad presencial en el marco de la FESC, potenciando la dinámica de sinergias entre Administraciones Locales y organizaciones del ámbito.",
                    "Holding an in-person activity at the FESC, strengthening the synergies between Local Administrations and organisations in the field.",
                )
            ),
            line(
                T(
                    "Participació a activitats organitzades per agents de l'ecosistema.",
                    "Participación en actividades organizadas por agentes del ecosistema.",
                    "Taking part in activities organised by actors of the ecosystem.",
                )
            ),
            line(
                T(
                    "Avenç en l'elaboració d'una 2ª edició de la Guia ABC (la qual es preveu publicar durant el 2023).",
                    "Avance en la elaboración de una 2.ª edición de la Guía ABC (que se prevé publicar durante 2023).",
                    "Progress on a 2nd edition of the ABC Guide (expected to be published during 2023).",
                )
            ),
        ],
    ),
    (
        T("Comunicació", "Comunicación", "Communication"),
        [
            line(
                T(
                    "Intensificació de la visibilitat de d'allò que fem i oferim.",
                    "Intensificación de la visibilidad de lo que hacemos y ofrecemos.",
                    "Making what we do and offer more visible.",
                )
            ),
            line(
                T(
                    "Ampliació de l'activitat comunicativa.",
                    "Ampliación de la actividad comunicativa.",
                    "Expanding our communication activity.",
                )
            ),
            line(
                T(
                    "Publicació de butlletins, notícies i tuits, dinamització del canal de Telegram i de Youtube i foment de la difusió de les activitats organitzades pels membres.",
                    "Publicación de boletines, noticias y tuits, dinamización del canal de Telegram y de Youtube y fomento de la difusión de las actividades organizadas por los miembros.",
                    "Publishing bulletins, news and tweets, running the Telegram and YouTube channels and helping to spread the word about activities organised by members.",
                )
            ),
            line(
                T(
                    "Realització d'una reflexió sobre com visibilitzar els materials i recursos de la pàgina web.",
                    "Realización de una reflexión sobre cómo visibilizar los materiales y recursos de la página web.",
                    "Reflecting on how to make the website's materials and resources more visible.",
                )
            ),
        ],
    ),
    (
        T(
            "Relacions amb l'ecosistema",
            "Relaciones con el ecosistema",
            "Relations with the ecosystem",
        ),
        [
            line(
                T(
                    "Assoliment d'un paper rellevant en la nova Llei d'ESS i en una possible Llei catalana de Contractació i Compra Pública Responsable.",
                    "Logro de un papel relevante en la nueva Ley de ESS y en una posible Ley catalana de Contratación y Compra Pública Responsable.",
                    "Playing a relevant role in the new ESS Law and in a possible Catalan Law on Responsible Public Procurement.",
                )
            ),
            line(
                T(
                    "Manteniment del contacte i la pro activitat amb els agents de l'ecosistema de l'Economia Social i Solidària i de les Administracions Públiques, entre d'altres, amb els Ateneus Cooperatius i la seva Xarxa.",
                    "Mantenimiento del contacto y la proactividad con los agentes del ecosistema de la Economía Social y Solidaria y de las Administraciones Públicas, entre otros, con los Ateneus Cooperatius y su Red.",
                    "Keeping in touch and being proactive with the actors of the Social and Solidarity Economy ecosystem and of Public Administrations, among others with the Ateneus Cooperatius and their Network.",
                )
            ),
        ],
    ),
    (
        T("Altres", "Otros", "Other"),
        [
            line(
                T(
                    "Avenç en l'ús d'eines de programari lliure (videoconferència, documents compartits, etc.)",
                    "Avance en el uso de herramientas de software libre (videoconferencia, documentos compartidos, etc.)",
                    "Progress in the use of free software tools (videoconferencing, shared documents, etc.)",
                )
            ),
        ],
    ),
]

# Calendar milestones: (key of the demo event that fulfils it, period, title, due by).
MILESTONES = [
    (
        "plenary",
        T("Gener o febrer", "Enero o febrero", "January or February"),
        T(
            "Trobada plenària de Grups de treball presencial",
            "Encuentro plenario de Grupos de trabajo presencial",
            "In-person plenary meeting of Working groups",
        ),
        datetime.date(2022, 2, 28),
    ),
    (
        "spring_assembly",
        T("Març o Abril", "Marzo o abril", "March or April"),
        T(
            "Assemblea ordinària híbrida (presencial i virtual)",
            "Asamblea ordinaria híbrida (presencial y virtual)",
            "Hybrid ordinary assembly (in person and online)",
        ),
        datetime.date(2022, 4, 30),
    ),
    (
        "elected_officials",
        T("Juliol (com a molt tard)", "Julio (como muy tarde)", "July (at the latest)"),
        T(
            "3ª Trobada de càrrecs electes presencial",
            "3.er Encuentro de cargos electos presencial",
            "3rd in-person Meeting of elected officials",
        ),
        datetime.date(2022, 7, 31),
    ),
    (
        "autumn_assembly",
        T("Setembre", "Septiembre", "September"),
        T(
            "Assemblea ordinària híbrida (presencial i virtual)",
            "Asamblea ordinaria híbrida (presencial y virtual)",
            "Hybrid ordinary assembly (in person and online)",
        ),
        datetime.date(2022, 9, 30),
    ),
    (
        "fesc",
        T("Octubre", "Octubre", "October"),
        T(
            "Activitat presencial en el marc de la FESC",
            "Actividad presencial en el marco de la FESC",
            "In-person activity at the FESC",
        ),
        datetime.date(2022, 10, 31),
    ),
]

ONGOING = [
    T(
        "Assessoraments i mentories virtuals",
        "Asesoramientos y mentorías virtuales",
        "Online advice and mentoring",
    ),
    T(
        "Atenció, seguiment i cura dels membres",
        "Atención, seguimiento y cuidado de los miembros",
        "Attending to, following up and caring for members",
    ),
    T(
        "Comissions executives i tècniques virtuals",
        "Comisiones ejecutivas y técnicas virtuales",
        "Online executive and technical committees",
    ),
    T(
        "Reunions virtuals dels Grups de treball i realització d'activitats i productes",
        "Reuniones virtuales de los Grupos de trabajo y realización de actividades y productos",
        "Online meetings of the Working groups, and their activities and products",
    ),
    T(
        "Relació i participació a activitats de l'ecosistema",
        "Relación y participación en actividades del ecosistema",
        "Relations with the ecosystem and taking part in its activities",
    ),
    T(
        "Comunicació de les activitats, serveis i productes de la xarxa i dels membres",
        "Comunicación de las actividades, servicios y productos de la red y de los miembros",
        "Communicating the activities, services and products of the network and of its members",
    ),
]
