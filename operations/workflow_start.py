"""Starting a workflow validates its state once and uses the page it was given.

Wagtail's ``Workflow.start(page, user)`` saves a new ``WorkflowState``, starts
the first task (a ``TaskState`` that needs the state's id), then saves the
state again to point at that task state. Each save ran ``full_clean``, and
the task's start read the page again through the state's generic key, then
its latest revision: twelve queries of *Submit* for what the request held.

``install()``:

* asks "is another workflow of this page open?" once per save: Wagtail's
  ``WorkflowState.clean`` asks it (for MySQL, which lacks conditional unique
  constraints), and Django's constraint validation asked the same question of
  the ``unique_in_progress_workflow`` constraint in a savepoint. ``clean``
  still refuses it, with Wagtail's message; the database's partial unique
  index still guards the write itself;
* saves a state whose only change since its last validated save (in this
  process) is to point at one of its own task states without validating it
  again: its page, status and workflow were just validated, and a task state
  of this state cannot be another state's current one (the database's
  one-to-one constraint still guards it). A state loaded from the database is
  validated at its first save, as before;
* gives the new state the page passed to ``start`` (as a plain ``Page`` of the
  same row, Django's parent link, with the latest revision it holds), so the
  first task finds the page and the revision it starts on without reading
  them again.
"""

from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import models

from wagtail.models import Workflow, WorkflowState

OPEN_WORKFLOW_CONSTRAINT = "unique_in_progress_workflow"

_started_for = ContextVar("workflow_started_for", default=None)


def _values(state):
    return {field.attname: getattr(state, field.attname) for field in state._meta.concrete_fields}


def _points_only_at_its_own_task_state(state):
    validated = state.__dict__.get("_validated_values")
    if validated is None or state.pk is None:
        return False
    changed = {name for name, value in _values(state).items() if validated.get(name) != value}
    if changed != {"current_task_state_id"}:
        return False
    field = WorkflowState._meta.get_field("current_task_state")
    task_state = field.get_cached_value(state, default=None)
    return task_state is not None and task_state.workflow_state_id == state.pk


def _hand_over_the_page(state, obj):
    """Put ``obj``, as the class the state's generic key names, in the state's cache."""
    base_class = ContentType.objects.get_for_id(state.base_content_type_id).model_class()
    given = obj
    while type(obj) is not base_class:
        link = obj._meta.get_ancestor_link(base_class)  # the nearest parent's link
        if link is None:
            return
        obj = getattr(obj, link.name)  # built from the child's own fields, no query
    if obj is not given:
        latest = base_class._meta.get_field("latest_revision")
        if latest.is_cached(given):
            latest.set_cached_value(obj, latest.get_cached_value(given))
    WorkflowState._meta.get_field("content_object").set_cached_value(state, obj)


def install():
    if getattr(WorkflowState.save, "validates_once", False):
        return
    original_save = WorkflowState.save
    original_start = Workflow.start

    def get_constraints(self):
        return [
            (model, [c for c in constraints if c.name != OPEN_WORKFLOW_CONSTRAINT])
            for model, constraints in models.Model.get_constraints(self)
        ]

    def save(self, *args, **kwargs):
        adding = self._state.adding
        if _points_only_at_its_own_task_state(self):
            models.Model.save(self, *args, **kwargs)
        else:
            original_save(self, *args, **kwargs)
        self._validated_values = _values(self)
        started_for = _started_for.get()
        if adding and started_for is not None and self.object_id == str(started_for.pk):
            _hand_over_the_page(self, started_for)

    def start(self, obj, user):
        token = _started_for.set(obj)
        try:
            return original_start(self, obj, user)
        finally:
            _started_for.reset(token)

    save.validates_once = True
    WorkflowState.get_constraints = get_constraints
    WorkflowState.save = save
    Workflow.start = start
