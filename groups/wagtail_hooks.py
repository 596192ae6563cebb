"""Admin wiring for working groups: dashboard panels and the review decisions."""

from django.urls import path
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static

from .dashboard import CoordinatorPanel
from .explorer_start import start_explorer_on_section
from .review_dashboard import REVIEW_ACTION_URL_NAME, ReviewActionView, use_review_queue_panel
from .review_editor import confirm_editor_decision, guard_editor_decision
from .review_resubmit import one_clear_resubmit, say_what_was_asked
from .review_state import read_workflow_state_once


@hooks.register("construct_homepage_panels")
def add_coordinator_panel(request, panels):
    panels.append(CoordinatorPanel(request.user))


@hooks.register("construct_homepage_panels")
def decide_reviews_through_the_open_step(request, panels):
    use_review_queue_panel(panels)


@hooks.register("register_admin_urls")
def review_action_urls():
    return [
        path(
            "review/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            ReviewActionView.as_view(),
            name=REVIEW_ACTION_URL_NAME,
        )
    ]


hooks.register("construct_main_menu", start_explorer_on_section)
hooks.register("before_edit_page", read_workflow_state_once)
hooks.register("before_edit_page", guard_editor_decision)
hooks.register("after_edit_page", confirm_editor_decision)
hooks.register("before_edit_page", say_what_was_asked)
hooks.register("construct_page_action_menu", one_clear_resubmit)


@hooks.register("insert_editor_js")
def review_actions_js():
    script = versioned_static("groups/js/review_actions.js")
    return format_html('<script src="{}"></script>', script)
