"""A review decision is written as one transaction, without checks that cannot fail.

Approving a page runs Wagtail's ``Task.on_action``, ``TaskState.approve`` and,
on the last step, ``WorkflowState.finish``, each in its own ``atomic`` block:
inside the decision's transaction each opened a savepoint and released it (two
queries each) for a partial rollback nothing asks for, since no code catches an
error between them: any failure leaves the decision and rolls it back whole.
``install()`` has the three join the transaction they run in
(``savepoint=False``); called outside one, each still opens its own.

Finishing saved the workflow state through ``WorkflowState.save``, which
validates the whole row first: that the person who asked still exists, that
no other workflow state points to the same step, and, for the rule "one
workflow in progress per page", a query in a savepoint of its own (five
queries). Finishing changes the status alone, to *approved*, which that rule
does not cover (it counts only workflows in progress or waiting for changes),
and the rest of the row is the one read, written under the database's own
constraints. ``finish`` here is Wagtail's with the status saved by itself.
"""

from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from wagtail.models import Task, TaskState, WorkflowState
from wagtail.signals import workflow_approved


def finish(self, user=None):
    """Wagtail's ``WorkflowState.finish``: approve the workflow, then its finishing action."""
    if self.status != self.STATUS_IN_PROGRESS:
        raise PermissionDenied
    self.status = self.STATUS_APPROVED
    models.Model.save(self, update_fields=["status"])
    self.on_finish(user=user)
    workflow_approved.send(sender=self.__class__, instance=self, user=user)


def _joining(function):
    """``function`` (undecorated) in an atomic block that joins the one it runs in."""
    joined = transaction.atomic(savepoint=False)(function)
    joined.joins_the_transaction = True
    return joined


def install():
    if getattr(WorkflowState.finish, "joins_the_transaction", False):
        return
    WorkflowState.finish = _joining(finish)
    Task.on_action = _joining(Task.on_action.__wrapped__)
    TaskState.approve = _joining(TaskState.approve.__wrapped__)
