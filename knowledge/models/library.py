"""The library: every guide and policy document of the site, wherever in the tree it lives."""

from django.db.models import F
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import NetworkSettings
from listing.pagination import paginate_kept
from listing.query_text import printable_query
from publishing.search_contract import SearchContract
from publishing.visibility import RestrictionsFromVisibility

from .. import export
from ..filters import LibraryFilter
from .base import current_items


class LibraryPage(SearchContract, RestrictionsFromVisibility, RoutablePageMixin, Page):
    """Lists, filters and paginates the knowledge base; the filter state lives in the URL.

    ``export/csv/`` and ``export/json/`` download every result of the same filters
    (all pages of them) with their full metadata: the library as open data.
    """

    items_per_page = 12

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.GuidePage", "knowledge.PolicyDocumentPage"]
    max_count_per_parent = 1

    content_date = None  # a listing has no date of its own

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def filterset(self, request):
        return LibraryFilter(
            printable_query(request.GET), queryset=current_items(self.locale_id), locale=self.locale
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The facets alone: the items they filter are read only when no answer is kept.
        filterset = LibraryFilter(printable_query(request.GET), locale=self.locale)
        filterset.is_valid()

        def items():
            return (
                filterset.filter_queryset(current_items(self.locale_id))
                .select_related("locale")
                .annotate(group_key=F("working_group__translation_key"))
            )

        chosen = tuple(
            sorted((name, str(value)) for name, value in filterset.form.cleaned_data.items())
        )
        page_of_items = paginate_kept(
            request, ("knowledge:library", self.pk, chosen), items, self.items_per_page
        )
        groups = {group.translation_key: group for group in filterset.groups_by_slug.values()}
        context.update(
            filterset=filterset,
            page_of_items=page_of_items,
            entries=[{"page": item, "group": groups.get(item.group_key)} for item in page_of_items],
            export_csv_url=self._export_url(request, "export_csv"),
            export_json_url=self._export_url(request, "export_json"),
        )
        return context

    def _export_url(self, request, route_name):
        """The download of the same filters as this request (every page of results)."""
        query = request.GET.copy()
        query.pop("page", None)
        url = self.get_url(request) + self.reverse_subpage(route_name)
        return f"{url}?{query.urlencode()}" if query else url

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return self._export(request, "csv")

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return self._export(request, "json")

    def _export(self, request, export_format):
        filterset = self.filterset(request)
        if not filterset.is_valid():
            return HttpResponseBadRequest(
                gettext("Some filters could not be used; choose among the options offered."),
                content_type="text/plain; charset=utf-8",
            )
        filters = {name: str(value) for name, value in filterset.form.cleaned_data.items() if value}
        return export.download(
            filterset.qs,
            export_format,
            filename=f"library-{self.locale.language_code}",
            filters=filters,
            locale=self.locale,
            request=request,
            licence_url=NetworkSettings.for_request(request).licence_url,
        )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        filterset = (
            response.context_data.get("filterset") if hasattr(response, "context_data") else None
        )
        if filterset is not None and not filterset.is_valid():
            response.status_code = 400
        return response
