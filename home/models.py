"""The home page, general pages (about, legal notice, accessibility statement) and
the network's site-wide settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from contentblocks.blocks import BodyBlock
from publishing.search_contract import SearchContract
from publishing.visibility import RestrictionsFromVisibility


class HomePage(SearchContract, RestrictionsFromVisibility, Page):
    """The network's front door, one per language (translations of one another)."""

    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """One query for the page under this home that the path names (``home.routing``)."""
        from home.routing import route_in_one_query

        if path_components:
            routed = route_in_one_query(self, request, path_components)
            if routed is not None:
                return routed
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from home.templatetags.i18n_links import menu_pages

        context["sections"] = menu_pages(self)
        context["featured_sections"] = self.featured_sections(request)
        return context

    def featured_sections(self, request):
        """Blocks that other apps put on the home page (latest news, next events, new guides).

        Apps register a ``home_page_sections`` hook returning ``None`` or a dict with
        ``template`` and ``order`` plus that template's context, and optionally a
        ``stylesheet`` (a static path) that the page links in its head; the home page
        knows none of them.
        """
        sections = []
        for hook in hooks.get_hooks("home_page_sections"):
            section = hook(request, self)
            if section:
                sections.append(section)
        return sorted(sections, key=lambda section: section.get("order", 100))


class StandardPage(SearchContract, RestrictionsFromVisibility, Page):
    """A general page: about the network, legal notice, accessibility statement."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("general page")


class ContentLicence(models.TextChoices):
    """Licences for the site's content, named in the reader's language; each has a URL."""

    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0")
    CC0 = "CC0-1.0", _("Creative Commons Zero (public domain dedication)")


LICENCE_URLS = {
    ContentLicence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    ContentLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    ContentLicence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ContentLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


DEFAULT_NETWORK_NAME = "Xarxa de Municipis per l'Economia Social i Solidària"


@register_snippet
class NetworkDetails(TranslatableMixin, models.Model):
    """The network's name and postal address as each language writes them.

    Site settings cannot be translated (wagtail/wagtail#11508), so the texts they
    would show publicly live in this snippet, one per language, translated with
    wagtail-localize like topics. ``NetworkSettings.name`` and ``.address`` read it.
    """

    name = models.CharField(_("network name"), max_length=200, default=DEFAULT_NETWORK_NAME)
    address = models.TextField(_("postal address"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("network name and address")
        verbose_name_plural = _("network name and address")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    """Who the network is and how to reach it; shown in the header and footer.

    The name and the address are words, so they are translated: they live in
    ``NetworkDetails``, and ``name`` and ``address`` here read the active language's.
    """

    short_name = models.CharField(_("short name"), max_length=40, default="XMESS")
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    telegram_url = models.URLField(_("Telegram channel"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    mastodon_url = models.URLField(_("Mastodon profile"), blank=True)
    x_url = models.URLField(_("X (Twitter) profile"), blank=True)
    content_licence = models.CharField(
        _("content licence"),
        max_length=20,
        choices=ContentLicence.choices,
        default=ContentLicence.CC_BY_SA,
        help_text=_(
            "The licence of the pages and files the network publishes: stated in the footer, "
            "the library's open data and each document's metadata, in the reader's language."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "The network's full name and postal address are translated: "
                        "edit them in Snippets › Network name and address."
                    )
                ),
                FieldPanel("short_name"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("telegram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("content_licence"),
    ]

    class Meta:
        verbose_name = _("network settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's answer, kept until the public view changes (it is on every page)."""
        from operations.public_snapshot import once_per_public_change

        if site is None:
            return super().for_site(site)
        return once_per_public_change(
            ("network_settings", site.pk), lambda: super(NetworkSettings, cls).for_site(site)
        )

    def details(self, language_code=None):
        """The ``NetworkDetails`` of a language (the active one by default), else of the
        default language; kept until the public view changes."""
        from operations.public_snapshot import once_per_public_change

        if not hasattr(self, "_details"):
            self._details = once_per_public_change(
                "network_details",
                lambda: {
                    row.locale.language_code: row
                    for row in NetworkDetails.objects.select_related("locale")
                },
            )
        code = (language_code or get_language() or "").split("-")[0]
        return (
            self._details.get(code) or self._details.get(settings.LANGUAGE_CODE) or NetworkDetails()
        )

    @property
    def name(self):
        return self.details().name

    @property
    def address(self):
        return self.details().address

    @property
    def licence_name(self):
        """The licence's name in the active language (choices are translated)."""
        return self.get_content_licence_display()

    @property
    def licence_url(self):
        """The licence's canonical URL (the SPDX identifier is ``content_licence``)."""
        return LICENCE_URLS[self.content_licence]

    @property
    def social_links(self):
        links = [
            ("Telegram", self.telegram_url),
            ("YouTube", self.youtube_url),
            ("Mastodon", self.mastodon_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in links if url]
