"""The network's home, its general pages and the site-wide accounts."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Permission

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)

from home.models import HomePage, NetworkDetails, NetworkSettings, StandardPage

from .builders import (
    catalan,
    ensure_group,
    ensure_locales,
    ensure_page,
    ensure_user,
    paragraphs,
    translate_page,
)
from .content import content

SECRETARIAT_GROUP = "Secretaria tècnica"

CONTENT = content("home")
ACCOUNTS = content("accounts")


def load(context):
    ensure_locales()
    home = _ensure_home()
    about, accessibility = CONTENT["about"], CONTENT["accessibility"]
    about_page, _ = ensure_page(
        home,
        StandardPage,
        title=about["title"],
        introduction=about["introduction"],
        body=[("paragraph", paragraphs(*about["body"]))],
        show_in_menus=True,
        search_description=about["introduction"],
    )
    statement, _ = ensure_page(
        home,
        StandardPage,
        title=accessibility["title"],
        introduction=accessibility["introduction"],
        body=[("paragraph", paragraphs(*accessibility["body"]))],
    )
    for page in (home, about_page, statement):
        translate_page(page)
    _ensure_network_settings(home)
    secretariat = _ensure_secretariat_group(home)
    _, account = ensure_user("secretaria", **ACCOUNTS["secretaria"], groups=[secretariat])
    context.add_account(account)
    _, account = ensure_user("admin", **ACCOUNTS["admin"])
    context.add_account(account)
    context.home = home


def _ensure_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        # `make run PORT=8101` after `make run`: the site now answers at another address.
        hostname, port = public_address()
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = root.get_children().type(HomePage).filter(locale__language_code="ca").first()
    if home is None:
        spec = CONTENT["home"]
        # The home page's slug is not shown in URLs (the language prefix is), but the
        # admin lists it: each translation gets a slug in its own language.
        home, _ = ensure_page(
            root,
            HomePage,
            catalan(spec["slug"]),
            title=spec["title"],
            tagline=spec["tagline"],
            introduction=paragraphs(*spec["introduction"]),
            search_description=spec["tagline"],
        )
    home = home.specific
    if site is None:
        hostname, port = public_address()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="XMESS"
        )
    else:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "XMESS"
        site.hostname, site.port = public_address()
        site.save()
        if placeholder.pk != home.pk and placeholder.specific_class is Page:
            placeholder.delete()
    return home


def public_address():
    """Host and port of BASE_URL, so that full URLs (sitemap, feeds, API) point where
    the site is served."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (
        443 if address.scheme == "https" else 80
    )


def _ensure_network_settings(home):
    site = Site.objects.get(root_page=home)
    network = NetworkSettings.for_site(site)
    if not network.email:
        for field, value in CONTENT["network_settings"].items():
            setattr(network, field, value)
        network.save()
    _ensure_network_details()


def _ensure_network_details():
    """The network's name and address in Catalan, and their Spanish and English translations."""
    texts = CONTENT["network_details"]
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    source = NetworkDetails.objects.filter(locale=locales["ca"]).first()
    if source is None:
        source = NetworkDetails.objects.create(
            locale=locales["ca"], name=texts["name"].ca, address=texts["address"].ca
        )
    for code in ("es", "en"):
        if code in locales and not source.has_translation(locales[code]):
            translation = source.copy_for_translation(locales[code])
            translation.name = texts["name"].get(code)
            translation.address = texts["address"].get(code)
            translation.save()


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
        "taxonomy": [
            "add_topic",
            "change_topic",
            "delete_topic",
            "add_tagtranslation",
            "change_tagtranslation",
            "delete_tagtranslation",
        ],
        "home": ["change_networksettings", "add_networkdetails", "change_networkdetails"],
        "wagtail_localize": ["submit_translation"],
        "wagtailsearchpromotions": [
            "add_searchpromotion",
            "change_searchpromotion",
            "delete_searchpromotion",
        ],
        # The public search's synonyms and its analytics of visitors' queries.
        "search": ["add_synonym", "change_synonym", "delete_synonym", "view_queryrecord"],
    }.items():
        for codename in codenames:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
    return group
