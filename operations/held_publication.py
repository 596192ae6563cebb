"""Approving a page: the review's objects handed over, Wagtail's publication unchanged.

A review decision (``groups.review_dashboard``) reads the page, its open step,
the step's workflow state and revision once. Wagtail's workflow then asked the
database again for each of them through generic relations: the revision's
page for the decision's log entry, the workflow state's page and its latest
revision to publish, the revision's page again, the workflow state's open step
(the very step decided), the previous revision's page to compare titles. The
page holds no newer state than the row read at the start of the request: none
of these reads can answer differently: ``share_decision_objects`` puts the
objects read into those relations' caches, and the publication below gives the
previous revision the page it holds.

``HeldPagePublication`` is Wagtail's ``PublishPageRevisionAction`` (used for a
finished workflow by ``operations.workflow_finish``) with three answers it
already has:

* rebuilding the revision's page checks that the objects it names exist; the
  page and the revision are held, content types come from Django's cache
  (``operations.revision_loading.holding``);
* the page's validation before it is saved asks again whether its tree path
  and its translation key are unique: the publication copies both from the
  page's own row (``Page.with_content_json``) and the database holds both
  unique. Every other check (the slug among its siblings, each field, the
  page's own ``clean``) runs as before;
* after publishing, Wagtail cancels the page's workflow in progress if there
  is one: the workflow being finished was that workflow (one per page, a
  database constraint) and it is approved now, so there is none.
"""

from contextlib import ExitStack, contextmanager
from functools import partial

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, Revision, WorkflowState

from .revision_loading import holding

#: Copied from the page's row by ``Page.with_content_json``, unique in the database.
PLACE_FIELDS = frozenset({"path", "translation_key", "locale"})


def _hold_content_object(instance, obj):
    """Put ``obj`` in ``instance``'s ``content_object`` cache if it is the object named,
    as the generic relation would load it (the same type; for a workflow state the
    base ``Page``)."""
    field = type(instance)._meta.get_field("content_object")
    if not isinstance(field, GenericForeignKey) or obj is None:
        return
    content_type_id = getattr(instance, type(instance)._meta.get_field(field.ct_field).attname)
    named_type = ContentType.objects.get_for_model(obj, for_concrete_model=field.for_concrete_model)
    if content_type_id == named_type.id and str(getattr(instance, field.fk_field)) == str(obj.pk):
        field.set_cached_value(instance, obj)


def _row_as(model, obj):
    """``obj``'s row as an instance of its parent ``model``, as a query for it would load it."""
    row = model(
        **{field.attname: getattr(obj, field.attname) for field in model._meta.concrete_fields}
    )
    row._state.adding = False
    row._state.db = obj._state.db
    return row


def _hold_latest_revision(page, revision):
    if page.latest_revision_id == revision.pk:
        page._meta.get_field("latest_revision").set_cached_value(page, revision)


def share_decision_objects(task_state, page):
    """Hand the review step's objects, read once, to Wagtail's workflow and publication.

    ``task_state`` was read with its workflow state and revision; ``page`` is its
    page as its own type.
    """
    workflow_state = task_state.workflow_state
    page_row = _row_as(Page, page)
    _hold_content_object(workflow_state, page_row)
    if workflow_state.current_task_state_id == task_state.pk:
        WorkflowState._meta.get_field("current_task_state").set_cached_value(
            workflow_state, task_state
        )
    revision = task_state.revision
    if revision is not None:
        _hold_content_object(revision, page)
        _hold_latest_revision(page, revision)
        _hold_latest_revision(page_row, revision)


def _full_clean_in_place(page, *args, exclude=None, **kwargs):
    exclude = set(exclude or ()) | PLACE_FIELDS
    return type(page).full_clean(page, *args, exclude=exclude, **kwargs)


@contextmanager
def _previous_revision_with(revision, page):
    """``revision.get_previous()`` with ``page`` as the previous revision's page."""
    original = revision.get_previous

    def get_previous():
        previous = original()
        _hold_content_object(previous, page)
        return previous

    revision.get_previous = get_previous
    try:
        yield
    finally:
        del revision.get_previous


class HeldPagePublication(PublishPageRevisionAction):
    """Publish ``revision`` of its page, as ``Page.publish`` does (see the module)."""

    def __init__(self, revision: Revision, **kwargs):
        self.page = revision.content_object
        with holding(self.page, revision):
            super().__init__(revision, **kwargs)
        _hold_latest_revision(self.object, revision)

    def _publish_revision(self, revision, object, *args, **kwargs):
        with ExitStack() as stack:
            stack.enter_context(_previous_revision_with(revision, self.page))
            object.full_clean = partial(_full_clean_in_place, object)
            stack.callback(object.__dict__.pop, "full_clean", None)
            return super()._publish_revision(revision, object, *args, **kwargs)

    def _after_publish(self):
        # The page's workflow in progress was the one finishing, approved now.
        self.object._current_workflow_states = []
        super()._after_publish()
