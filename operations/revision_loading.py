"""Loading a revision checks its references in one query per model, not one per reference.

Every screen that shows or acts on a draft (the edit view, save, submit,
approve, publish) turns the revision's JSON back into a page with
``modelcluster``'s ``from_serializable_data``. With ``check_fks`` (Wagtail's
default) it asks the database, one query per foreign key of the page and of
every inline row, whether the referenced object still exists: a guide with six
tags and four files cost some twenty queries, and more with each tag or file.
The tags widget then read each tag again, one query per tag.

``install()`` replaces that check with the same rule applied in bulk: gather
every reference of the page and of its inline rows (nested ones too), read each
referenced model once, then drop or blank the dangling ones exactly as
``modelcluster`` does (``CASCADE``: an inline row is dropped, the page's own
field blanked; ``SET_NULL``: blanked; ``DO_NOTHING``: kept). Content types come
from Django's content-type cache (kept for the process once read), as
``operations.fk_validation`` takes them. The objects read
are left in the rows' relation caches, so a row's ``tag`` or ``document`` is
not read a second time (nor by its chooser: ``operations.known_objects``).
Loading without ``check_fks`` is untouched. Objects the caller holds (read in
this request, so they exist: ``holding()``, used when a review's approval
publishes) are not read again.

A review decision is not a reason to rebuild the page at all: Wagtail's
``TaskState.log_state_change_action`` turned the revision into a whole page
(a dozen queries, before *Approve* built it again to publish it) only to name
it in the log entry. ``install()`` logs the same entry from the page's row with
the revision's own name (``Revision.object_str``, ``str()`` of that very page
when the revision was saved).
"""

import contextvars
from collections import defaultdict
from contextlib import contextmanager

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import ForeignObjectRel

from wagtail.log_actions import log
from wagtail.models import TaskState

from . import known_objects


def _references(model, data):
    """``(field, value)`` for each non-empty many-to-one reference in one object's data."""
    for name, value in data.items():
        if value is None:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ForeignObjectRel):
            continue
        if isinstance(field.remote_field, models.ManyToOneRel):
            yield field, value


def _target(field, value):
    """``((referenced model, its field), the value as that field stores it)``."""
    remote = field.remote_field
    to_field = remote.model._meta.get_field(remote.field_name)
    return (remote.model, remote.field_name), to_field.to_python(value)


def _child_rows(model, data):
    """``(child model, accessor name, list of row data)`` for each inline relation present."""
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        rows = data.get(name)
        if isinstance(rows, list):
            yield relation.related_model, name, rows


def _gather(model, data, wanted):
    for field, value in _references(model, data):
        key, clean = _target(field, value)
        wanted[key].add(clean)
    for child_model, _name, rows in _child_rows(model, data):
        for row in rows:
            _gather(child_model, row, wanted)


def existing_targets(model, data):
    """``{(model, field): {value: object}}`` for every reference that exists, one query a model."""
    wanted = defaultdict(set)
    _gather(model, data, wanted)
    return {key: _read(*key, values) for key, values in wanted.items()}


_held = contextvars.ContextVar("held_objects", default=())


@contextmanager
def holding(*objects):
    """Objects read in this request (so they exist) that need not be read to be checked."""
    token = _held.set(tuple(obj for obj in objects if obj is not None and obj.pk is not None))
    try:
        yield
    finally:
        _held.reset(token)


def _held_targets(target, field_name, values):
    """``{value: object}`` for the values the caller's held objects answer (``holding``)."""
    if target._meta.pk.name != field_name:
        return {}
    return {obj.pk: obj for obj in _held.get() if isinstance(obj, target) and obj.pk in values}


def _read(target, field_name, values):
    """``{value: object}`` for the objects of ``target`` whose ``field_name`` is among ``values``.

    Keyed by the column's value (``attname``): a key to a multi-table child
    (``page_ptr``) names the parent row by its id, not by the parent object.
    """
    attname = target._meta.get_field(field_name).attname
    if target is ContentType and attname == "id":
        return _content_types(values)
    found = _held_targets(target, field_name, values)
    rest = values - found.keys()
    if rest:
        objects = target._default_manager.filter(**{f"{field_name}__in": rest})
        found.update((getattr(obj, attname), obj) for obj in objects)
    return found


def _content_types(ids):
    """From Django's content-type cache (kept for the process once read)."""
    found = {}
    for pk in ids:
        try:
            found[pk] = ContentType.objects.get_for_id(pk)
        except ContentType.DoesNotExist:
            continue
    return found


def without_dangling(model, data, strict, found):
    """The data with dangling references handled as ``modelcluster`` does; None to drop it."""
    data = dict(data)
    for field, value in _references(model, data):
        key, clean = _target(field, value)
        if clean in found[key]:
            continue
        on_delete = field.remote_field.on_delete
        if on_delete == models.DO_NOTHING:
            continue
        if on_delete == models.CASCADE and strict:
            return None
        if on_delete in (models.CASCADE, models.SET_NULL):
            data[field.name] = None
            continue
        raise Exception(
            "can't currently handle on_delete types other than CASCADE, SET_NULL and DO_NOTHING"
        )
    for child_model, name, rows in _child_rows(model, data):
        kept = (without_dangling(child_model, row, True, found) for row in rows)
        data[name] = [row for row in kept if row is not None]
    return data


def _remember_targets(obj, found):
    """Put the objects already read into ``obj``'s and its rows' relation caches."""
    for field in obj._meta.concrete_fields:
        if not field.many_to_one or isinstance(field, ParentalKey) or field.is_cached(obj):
            continue
        value = getattr(obj, field.attname)
        if value is None:
            continue
        key, clean = _target(field, value)
        target = found.get(key, {}).get(clean)
        if target is not None:
            field.set_cached_value(obj, target)
            known_objects.remember([target])
    # The rows just built, held in memory by modelcluster (never the database's).
    for rows in getattr(obj, "_cluster_related_objects", {}).values():
        for row in rows:
            if isinstance(row, models.Model):
                _remember_targets(row, found)


def install():
    """Make ``ClusterableModel.from_serializable_data`` check references in bulk."""
    original = ClusterableModel.from_serializable_data.__func__
    if getattr(original, "checks_references_in_bulk", False):
        return

    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        if not check_fks:
            return original(cls, data, check_fks=False, strict_fks=strict_fks)
        found = existing_targets(cls, data)
        data = without_dangling(cls, data, strict_fks, found)
        if data is None:
            return None
        obj = original(cls, data, check_fks=False, strict_fks=strict_fks)
        if obj is not None:
            _remember_targets(obj, found)
        return obj

    from_serializable_data.checks_references_in_bulk = True
    ClusterableModel.from_serializable_data = classmethod(from_serializable_data)


def log_state_change_action(self, user, action):
    """Wagtail's entry for a review decision (same action, title and data), without
    rebuilding the revision's page."""
    revision = self.revision
    if revision is None or not revision.object_str:
        return _original_log_state_change_action(self, user, action)
    next_task = self.workflow_state.get_next_task()
    workflow = self.workflow_state.workflow
    log(
        instance=revision.content_object,
        action=f"wagtail.workflow.{action}",
        user=user,
        title=revision.object_str,
        data={
            "workflow": {
                "id": workflow.id,
                "title": workflow.name,
                "status": self.status,
                "task_state_id": self.id,
                "task": {"id": self.task.id, "title": self.task.name},
                "next": {"id": next_task.id, "title": next_task.name} if next_task else None,
            },
            "comment": self.get_comment(),
        },
        revision=revision,
    )


_original_log_state_change_action = TaskState.log_state_change_action


def install_decision_log():
    if getattr(TaskState.log_state_change_action, "logs_from_the_row", False):
        return
    log_state_change_action.logs_from_the_row = True
    TaskState.log_state_change_action = log_state_change_action
