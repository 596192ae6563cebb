"""Which workflow applies to a page: one query, asked once per reading request.

Wagtail answers ``Page.has_workflow`` and ``Page.get_workflow()`` separately,
and ``get_workflow`` in up to four queries (the page's own assignment, its
ancestors, the ancestor's assignment, the workflow). The edit view's action
menu asked ``has_workflow`` twice and ``get_workflow`` once: seven queries for
one answer. Both are answered here from one query over the page's ancestors
(read from its tree path, with no query), with Wagtail's rule unchanged: the
active workflow assigned to the page or to its nearest ancestor. Inside a GET
(``operations.request_memo``) the answer is kept for the rest of the request.

A POST of the edit view asks twice too (choosing *Submit*, then starting the
workflow): its page holds the first answer (``hold_answer``). Saving or
submitting a page changes no workflow assignment, nor where the page is.
"""

from django.conf import settings

from wagtail.models import Page, WorkflowPage

from .request_memo import once_per_request


def _ancestor_paths(page):
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def _nearest_workflow(page):
    assignment = (
        WorkflowPage.objects.filter(page__path__in=_ancestor_paths(page), workflow__active=True)
        .select_related("workflow")
        .order_by("-page__depth")
        .first()
    )
    return assignment.workflow if assignment is not None else None


_HELD = "_held_workflow_answer"


def hold_answer(page):
    """Keep the answer on this page instance once asked (an edit view's page, for its request)."""
    page.__dict__.setdefault(_HELD, {})


def workflow_for(page):
    """The active workflow of ``page`` or its nearest ancestor, or None."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True) or not page.path:
        return None
    held = page.__dict__.get(_HELD)
    if held is not None and "workflow" in held:
        return held["workflow"]
    workflow = once_per_request(("page_workflow", page.pk), lambda: _nearest_workflow(page))
    if held is not None:
        held["workflow"] = workflow
    return workflow


def install():
    if getattr(Page.get_workflow, "asks_once", False):
        return

    def get_workflow(self):
        return workflow_for(self)

    get_workflow.asks_once = True
    Page.get_workflow = get_workflow
    Page.has_workflow = property(
        lambda self: workflow_for(self) is not None,
        doc="True if the page or an ancestor has an active workflow assigned.",
    )
