"""The two public pages of the members app: the directory and the needs questionnaire.

The questionnaire is a page serving a Django model form rather than a Wagtail
form page: a form page stores each submission as one JSON blob with flat
fields, while the network needs repeatable rows (expected hiring per sector and
year), answers tied to a member, and reports that group by area and county,
which only real models give.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from members import guard
from members.forms import ExpectedHiringFormSet, NeedsQuestionnaireForm
from operations.form_limits import form_too_large
from operations.public_snapshot import once_per_public_change
from publishing.search_contract import SearchContract
from publishing.visibility import RestrictionsFromVisibility, public_pages

from .choices import COUNTY_NAMES
from .directory import Member

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
TOO_MANY_ANSWERS = _(
    "Many answers have been sent from your connection in the last hour. Your answers are "
    "still in the form: please send them again later, or write to the technical secretariat."
)


@dataclass
class DirectoryEntry:
    """What a member agreed to publish, and nothing else: templates never see a Member."""

    name: str
    county: str
    website: str
    groups: list = field(default_factory=list)


class MemberDirectoryPage(SearchContract, RestrictionsFromVisibility, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("member directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        county = request.GET.get("county", "")
        if county not in COUNTY_NAMES:
            county = ""
        context["selected_county"] = county
        context.update(
            once_per_public_change(
                ("members:directory", self.locale_id, county),
                lambda: self._directory(county),
            )
        )
        return context

    def _directory(self, county):
        """What the directory shows for ``county`` (or all), read once per public change."""
        return {
            "entries": self.directory_entries(county),
            "counties": sorted(set(Member.objects.published().values_list("county", flat=True))),
            "questionnaire": (
                NeedsQuestionnairePage.objects.live().public().filter(locale=self.locale).first()
            ),
        }

    def directory_entries(self, county=""):
        members = Member.objects.published().prefetch_related("working_groups").order_by("name")
        if county:
            members = members.filter(county=county)
        members = list(members)
        keys = {
            group.translation_key for member in members for group in member.working_groups.all()
        }
        group_pages = {
            page.translation_key: page
            for page in public_pages(
                Page.objects.filter(translation_key__in=keys, locale=self.locale)
            )
        }
        return [
            DirectoryEntry(
                name=member.name,
                county=member.county,
                website=member.website,
                groups=sorted(
                    (
                        group_pages[g.translation_key]
                        for g in member.working_groups.all()
                        if g.translation_key in group_pages
                    ),
                    key=lambda page: page.title,
                ),
            )
            for member in members
        ]


class NeedsQuestionnairePage(SearchContract, RestrictionsFromVisibility, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=TEXT_FEATURES,
        help_text=_("Who keeps the answers, what for, and how to ask for them to be erased."),
    )
    thank_you_text = RichTextField(_("thank-you text"), features=TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("needs questionnaire")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = NeedsQuestionnaireForm(request.POST)
            hiring = ExpectedHiringFormSet(request.POST, prefix="hiring")
            if not (form.is_valid() and hiring.is_valid()):
                status = 400
            elif guard.is_trapped(form):
                return redirect(self.get_url(request) + "?sent=1")  # thanked, kept nowhere
            elif not guard.reserve_answer(request):
                form.add_error(None, TOO_MANY_ANSWERS)
                status = 429
            else:
                with transaction.atomic():
                    response = form.save()
                    hiring.instance = response
                    hiring.save()
                # Post/redirect/get; the address carries no answer and no personal data.
                return redirect(self.get_url(request) + "?sent=1")
        else:
            form = NeedsQuestionnaireForm()
            hiring = ExpectedHiringFormSet(prefix="hiring")
            status = 200
        context = self.get_context(request, *args, **kwargs)
        context.update(
            form=form,
            hiring=hiring,
            sent=request.GET.get("sent") == "1" and request.method == "GET",
            too_large=form_too_large(request),
        )
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # Typed answers and personal data must never be kept by a shared cache.
        add_never_cache_headers(response)
        return response
