"""Registers the members section, its reports and its privacy actions in the admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .member_area import member_area_pages
from .views.reports import REPORTS
from .viewsets import MembersViewSetGroup


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersViewSetGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    patterns = []
    for name, view_class in REPORTS:
        patterns += [
            path(f"{name}/", view_class.as_view(), name=name),
            path(f"{name}/results/", view_class.as_view(results_only=True), name=f"{name}_results"),
        ]
    return [path("members/reports/", include((patterns, "members_reports")))]


class ReportMenuItem(MenuItem):
    """Shown only to users who may open the report (the secretariat)."""

    def __init__(self, label, url_name, permission, order):
        super().__init__(label, reverse(url_name), icon_name="table", order=order)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def _report_menu_item(name, view_class, order):
    model = view_class.permission_model
    permission = f"{model._meta.app_label}.view_{model._meta.model_name}"
    return ReportMenuItem(view_class.page_title, f"members_reports:{name}", permission, order)


for _order, (_name, _view_class) in enumerate(REPORTS):
    hooks.register(
        "register_reports_menu_item",
        lambda n=_name, v=_view_class, o=_order: _report_menu_item(n, v, 900 + o),
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        "members.export_personal_data", _("Export personal data"), _("Personal data exported")
    )
    actions.register_action(
        "members.erase_personal_data", _("Erase personal data"), _("Personal data erased")
    )


@hooks.register("home_page_sections")
def needs_questionnaire_on_the_home_page(request, home_page):
    """The needs questionnaire, linked from the home page (see ``home_page_sections``)."""
    questionnaire = member_area_pages()["questionnaire"]
    if questionnaire is None:
        return None
    return {
        "template": "members/includes/home_section.html",
        "order": 40,
        "questionnaire": questionnaire,
    }
