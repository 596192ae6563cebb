"""The admin's *Pages* menu opens a coordinator's explorer on their own section.

Wagtail starts the explorer at the closest common ancestor of every page the
user may edit (``PagePermissionPolicy.explorable_root_instance``). A
coordinator may edit their group's section in each language, and the three
home pages only meet at the tree's root, so the explorer opened on "Root"
listing the home pages. The permission policy is left as it is (it also
bounds where the explorer may go, and the section's translations must stay
reachable); only where the *Pages* menu starts changes: the coordinated
group's page in the admin's language (the group index when several groups).
"""

from django.utils import translation

from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Locale, Page

from .dashboard import coordinated_groups


def section_start_page(user):
    """Where the coordinator's explorer starts, or None for someone who coordinates nothing."""
    groups = coordinated_groups(user)
    if not groups:
        return None
    current = Locale.objects.filter(language_code=translation.get_language()).first()
    locale_ids = [locale.pk for locale in (current, Locale.get_default()) if locale is not None]
    chosen = [_preferred(group_pages, locale_ids) for group_pages in groups]
    if len(chosen) == 1:
        return chosen[0]
    return Page.objects.first_common_ancestor_of(chosen)


def _preferred(group_pages, locale_ids):
    for locale_id in locale_ids:
        for page in group_pages:
            if page.locale_id == locale_id:
                return page
    return group_pages[0]


class SectionExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's *Pages* menu item, starting on the coordinator's section."""

    def _start_page(self, request):
        if not hasattr(request, "_section_start_page"):
            request._section_start_page = section_start_page(request.user)
        return request._section_start_page

    def get_context(self, request):
        context = super().get_context(request)
        start = self._start_page(request)
        if start is not None:
            context["start_page_id"] = start.pk
        return context

    def render_component(self, request):
        start = self._start_page(request)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItem(
            self.name, self.label, self.url, start.pk, icon_name=self.icon_name
        )


def start_explorer_on_section(request, menu_items):
    """``construct_main_menu``: swap Wagtail's *Pages* item for ``SectionExplorerMenuItem``."""
    for index, item in enumerate(menu_items):
        if type(item) is ExplorerMenuItem:
            replacement = SectionExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )
            menu_items[index] = replacement
