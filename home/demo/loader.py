"""The network's home, its general pages and the site-wide accounts."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from home.models import HomePage, NetworkSettings, StandardPage

from .builders import (
    T,
    catalan,
    ensure_group,
    ensure_locales,
    ensure_page,
    ensure_user,
    paragraphs,
    translate_page,
)

SECRETARIAT_GROUP = "Secretaria tècnica"

HOME_TITLE = T(
    "Xarxa de Municipis per l'Economia Social i Solidària",
    "Red de Municipios por la Economía Social y Solidaria",
    "Network of Municipalities for the Social and Solidarity Economy",
)
# The home page's slug is not shown in URLs (the language prefix is), but the
# admin lists it: give each translation a slug in its own language.
HOME_SLUG = T("inici", "inicio", "home")
HOME_TAGLINE = T(
    "Guies, documents i activitats dels ajuntaments que impulsen l'economia social i solidària.",
    "Guías, documentos y actividades de los ayuntamientos que impulsan la economía social y solidaria.",
    "Guides, documents and activities of the town councils that promote the social and solidarity economy.",
)
HOME_INTRO = (
    T(
        "La XMESS és una xarxa d'administracions locals catalanes que promouen l'economia social i solidària: cooperatives, mutualitats, empreses comunitàries i finances ètiques.",
        "La XMESS es una red de administraciones locales catalanas que promueven la economía social y solidaria: cooperativas, mutualidades, empresas comunitarias y finanzas éticas.",
        "XMESS is a network of Catalan local governments that promote the social and solidarity economy: cooperatives, mutuals, community enterprises and ethical finance.",
    ),
    T(
        "Aquí trobareu els productes dels grups de treball, els documents de política pública, les notícies i l'agenda de la xarxa.",
        "Aquí encontraréis los productos de los grupos de trabajo, los documentos de política pública, las noticias y la agenda de la red.",
        "Here you will find the working groups' products, the policy documents, the news and the agenda of the network.",
    ),
)

ABOUT_TITLE = T("Qui som", "Quiénes somos", "About the network")
ABOUT_INTRO = T(
    "Una xarxa de suport als seus membres i un agent de referència dins de l'ecosistema de l'economia social i solidària.",
    "Una red de apoyo a sus miembros y un agente de referencia dentro del ecosistema de la economía social y solidaria.",
    "A network that supports its members and a reference within the social and solidarity economy ecosystem.",
)
ABOUT_BODY = (
    T(
        "El pla de treball 2022 de la xarxa es proposa reforçar el paper de la XMESS com a xarxa de suport als membres i promoure-la com un agent referent dins de l'ecosistema, especialment en relació amb la Llei d'ESS.",
        "El plan de trabajo 2022 de la red se propone reforzar el papel de la XMESS como red de apoyo a los miembros y promoverla como un agente referente dentro del ecosistema, especialmente en relación con la Ley de ESS.",
        "The network's 2022 work plan sets out to strengthen XMESS as a network that supports its members and to promote it as a reference within the ecosystem, especially regarding the ESS law.",
    ),
    T(
        "Els grups de treball es reuneixen en línia i elaboren productes com guies i campanyes; la secretaria tècnica acompanya els membres amb assessoraments, mentories i la cura de les seves necessitats.",
        "Los grupos de trabajo se reúnen en línea y elaboran productos como guías y campañas; la secretaría técnica acompaña a los miembros con asesoramientos, mentorías y el cuidado de sus necesidades.",
        "The working groups meet online and produce guides and campaigns; the technical secretariat supports the members with advice, mentoring and care for their needs.",
    ),
)

ACCESSIBILITY_TITLE = T(
    "Declaració d'accessibilitat", "Declaración de accesibilidad", "Accessibility statement"
)
ACCESSIBILITY_INTRO = T(
    "Aquest lloc web vol complir les pautes WCAG 2.1 de nivell AA (norma EN 301 549).",
    "Este sitio web quiere cumplir las pautas WCAG 2.1 de nivel AA (norma EN 301 549).",
    "This website aims to meet WCAG 2.1 level AA (standard EN 301 549).",
)
ACCESSIBILITY_BODY = (
    T(
        "Text d'exemple: la secretaria tècnica ha de revisar aquesta declaració i indicar-hi la data de l'última avaluació.",
        "Texto de ejemplo: la secretaría técnica debe revisar esta declaración e indicar la fecha de la última evaluación.",
        "Example text: the technical secretariat must review this statement and give the date of the last assessment.",
    ),
    T(
        "Si trobeu cap barrera d'accessibilitat, escriviu a l'adreça de contacte que apareix al peu de pàgina.",
        "Si encontráis alguna barrera de accesibilidad, escribid a la dirección de contacto que aparece al pie de página.",
        "If you find an accessibility barrier, write to the contact address shown in the footer.",
    ),
)


def load(context):
    ensure_locales()
    home = _ensure_home()
    about, _ = ensure_page(
        home,
        StandardPage,
        title=ABOUT_TITLE,
        introduction=ABOUT_INTRO,
        body=[("paragraph", paragraphs(*ABOUT_BODY))],
        show_in_menus=True,
        search_description=ABOUT_INTRO,
    )
    statement, _ = ensure_page(
        home,
        StandardPage,
        title=ACCESSIBILITY_TITLE,
        introduction=ACCESSIBILITY_INTRO,
        body=[("paragraph", paragraphs(*ACCESSIBILITY_BODY))],
    )
    for page in (home, about, statement):
        translate_page(page)
    _ensure_network_settings(home)
    secretariat = _ensure_secretariat_group(home)
    _, account = ensure_user(
        "secretaria",
        "secretaria-demo",
        role="Secretariat editor (approves and publishes)",
        email="secretaria@xmess.example",
        first_name="Secretaria",
        last_name="Tècnica",
        groups=[secretariat],
    )
    context.add_account(account)
    _, account = ensure_user(
        "admin",
        "admin-demo",
        role="Superuser",
        email="admin@xmess.example",
        first_name="Admin",
        last_name="Demo",
        superuser=True,
    )
    context.add_account(account)
    context.home = home


def _ensure_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = root.get_children().type(HomePage).filter(locale__language_code="ca").first()
    if home is None:
        home, _ = ensure_page(
            root,
            HomePage,
            catalan(HOME_SLUG),
            title=HOME_TITLE,
            tagline=HOME_TAGLINE,
            introduction=paragraphs(*HOME_INTRO),
            search_description=HOME_TAGLINE,
        )
    home = home.specific
    if site is None:
        hostname, port = _public_address()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="XMESS"
        )
    else:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "XMESS"
        site.hostname, site.port = _public_address()
        site.save()
        if placeholder.pk != home.pk and placeholder.specific_class is Page:
            placeholder.delete()
    return home


def _public_address():
    """Host and port of BASE_URL, so that full URLs (sitemap, feeds, API) point where the site is served."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (
        443 if address.scheme == "https" else 80
    )


def _ensure_network_settings(home):
    site = Site.objects.get(root_page=home)
    network = NetworkSettings.for_site(site)
    if not network.email:
        network.email = "secretaria@xmess.example"
        network.address = "Adreça d'exemple\n08000 Barcelona"
        network.telegram_url = "https://t.me/example_xmess"
        network.youtube_url = "https://www.youtube.com/@example_xmess"
        network.save()


PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
COLLECTION_ACTIONS = ["add", "change", "choose", "delete"]


def _ensure_secretariat_group(home):
    """The secretariat edits and publishes everywhere, in every language."""
    group = ensure_group(SECRETARIAT_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Page.get_first_root_node()
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    root_collection = Collection.get_first_root_node()
    # Wagtail checks document and image permissions against its own models.
    for app_label, model_name in (("wagtaildocs", "document"), ("wagtailimages", "image")):
        for action in COLLECTION_ACTIONS:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model_name}"
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    for app_label, codenames in {
        "taxonomy": ["add_topic", "change_topic", "delete_topic"],
        "home": ["change_networksettings"],
        "wagtail_localize": ["submit_translation"],
        "wagtailsearchpromotions": ["add_query", "change_query", "delete_query"],
    }.items():
        for codename in codenames:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
    return group
