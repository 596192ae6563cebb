"""Publishing a page writes only the inline rows that changed.

A page's inline rows (a guide's files, its tags, Wagtail's comments) are saved
by ``modelcluster`` whenever the whole page is saved: each row that stays is
written again with an ``UPDATE``, and each row the revision holds without an
id is inserted while the row it replaces is deleted. The tags field always
gives a revision new rows without ids (``modelcluster``'s tag ``set()`` clears
and adds), so every publication deleted and inserted each tag again, and wrote
each file row again: two queries a tag and one a file, for rows unchanged.

While a page is being published (``operations.draft_saves.being_published``)
its rows are committed here with the same outcome: the rows the database has
are read once, as before; a new row equal to a row the database has (every
column but the id) takes that row's id instead of replacing it; a row equal to
its database row is not written again; everything else is deleted, updated or
inserted exactly as ``modelcluster`` does. Other saves are untouched.
"""

import modelcluster.fields

from .draft_saves import being_published


def _values(row):
    return [
        getattr(row, field.attname) for field in row._meta.concrete_fields if not field.primary_key
    ]


def _same_row(stored, row):
    return _values(stored) == _values(row)


def _keep_stored_ids(final_rows, stored_rows):
    """A new row equal to a stored row no other row keeps takes that row's id."""
    kept_ids = {row.pk for row in final_rows if row.pk is not None}
    free = [stored for stored in stored_rows if stored.pk not in kept_ids]
    for row in final_rows:
        if row.pk is not None:
            continue
        match = next((stored for stored in free if _same_row(stored, row)), None)
        if match is not None:
            free.remove(match)
            row.pk = match.pk
            row._state.adding = False
            row._state.db = match._state.db


def commit_changed_rows(manager, relation_name, original_manager_cls):
    """``modelcluster``'s commit of one relation, writing only what changed."""
    try:
        final_rows = manager.instance._cluster_related_objects[relation_name]
    except (AttributeError, KeyError):
        return  # never set in memory: nothing to write, as in modelcluster
    original_manager = original_manager_cls(manager.instance)
    stored_rows = list(original_manager.get_queryset())
    _keep_stored_ids(final_rows, stored_rows)
    for stored in stored_rows:
        if stored not in final_rows:
            stored.delete()
    stored_by_id = {stored.pk: stored for stored in stored_rows}
    for row in final_rows:
        stored = stored_by_id.get(row.pk)
        if stored is not None and _same_row(stored, row):
            continue
        original_manager.add(row, bulk=False)
    del manager.instance._cluster_related_objects[relation_name]


def install():
    original = modelcluster.fields.create_deferring_foreign_related_manager
    if getattr(original, "commits_changed_rows", False):
        return

    def create_deferring_foreign_related_manager(related, original_manager_cls):
        manager_cls = original(related, original_manager_cls)
        relation_name = related.get_accessor_name()

        class ChangedRowsManager(manager_cls):
            def commit(self):
                if not being_published(self.instance):
                    return super().commit()
                return commit_changed_rows(self, relation_name, original_manager_cls)

        return ChangedRowsManager

    create_deferring_foreign_related_manager.commits_changed_rows = True
    modelcluster.fields.create_deferring_foreign_related_manager = (
        create_deferring_foreign_related_manager
    )
