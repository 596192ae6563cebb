"""The page's open workflow, read once per edit view instead of once per reader.

Wagtail's ``Page.current_workflow_state`` is a property that queries each time;
the edit view's action menu, its items, the status side panel and our own
``review_resubmit`` read it a dozen times while rendering. Wagtail uses
``_current_workflow_states`` as the cache that ``prefetch_workflow_states``
fills on querysets; the edit view's GET fills it once here. Only on GET: a POST
may start, restart or end a workflow, and must then read the state afresh.
"""


def read_workflow_state_once(request, page):
    """``before_edit_page``: fill Wagtail's workflow-state cache on the page being shown."""
    if request.method == "GET" and not hasattr(page, "_current_workflow_states"):
        page._current_workflow_states = list(
            page.workflow_states.active().select_related("current_task_state__task")[:1]
        )
    return None
