"""What ends an approved workflow (``WAGTAIL_FINISH_WORKFLOW_ACTION``): publish its page.

Wagtail's own action (``wagtail.workflows.publish_workflow_state``) publishes
the latest revision of the workflow's object with ``Revision.publish``; for a
page this one does exactly that through ``operations.held_publication``, which
reuses the objects the request already holds. Anything else (a snippet) goes
to Wagtail's action unchanged.

Wagtail imports this function while its models are being defined, so nothing
is imported at module level.
"""


def publish_workflow_state(workflow_state, user=None):
    from wagtail.models import Page
    from wagtail.workflows import publish_workflow_state as wagtail_publish_workflow_state

    from .held_publication import HeldPagePublication

    page = workflow_state.content_object
    if not isinstance(page, Page):
        return wagtail_publish_workflow_state(workflow_state, user=user)
    # Wagtail's ``revision.publish(user=user)`` calls ``Page.publish``, which runs
    # ``PublishPageRevisionAction``.
    return HeldPagePublication(page.get_latest_revision(), user=user).execute()
