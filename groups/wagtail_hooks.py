"""Admin wiring for working groups: the coordinators' dashboard panel."""

from wagtail import hooks

from .dashboard import CoordinatorPanel


@hooks.register("construct_homepage_panels")
def add_coordinator_panel(request, panels):
    panels.append(CoordinatorPanel(request.user))
