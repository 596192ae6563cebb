"""Workflow notification emails are sent by the task worker, not inside the editor's request.

Wagtail's notifiers (submission to the reviewers, approval and rejection to the
submitter) and the project's (``groups.notifications``: the other coordinators)
run inside *Submit* and *Approve*: the recipients, each one's profile, the page
again for the templates, then one SMTP conversation per person, while the editor
waits (a dozen queries on *Approve*, and the mail server's latency).

``install()`` makes every email notifier queue itself instead: the task
(``send_workflow_email``) loads the workflow or task state and the triggering
user again and calls the very same notifier, so recipients, preferences,
templates and language are Wagtail's and unchanged. The database backend
queues it inside the request's transaction, so a rolled-back action sends
nothing; the tests' immediate backend sends at once, as before.
"""

from contextvars import ContextVar

from django_tasks import task

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string

from wagtail.admin.mail import EmailNotificationMixin, Notifier

_in_worker = ContextVar("workflow_email_in_worker", default=False)


def _path(cls):
    return f"{cls.__module__}.{cls.__qualname__}"


@task()
def send_workflow_email(notifier, model, pk, user_id=None):
    """Call the notifier class ``notifier`` for the state ``model``/``pk``, as the signal did."""
    instance = apps.get_model(model).objects.filter(pk=pk).first()
    if instance is None:  # deleted with its page before the worker got to it
        return False
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    token = _in_worker.set(True)
    try:
        return import_string(notifier)()(instance=instance, user=user)
    finally:
        _in_worker.reset(token)


def _queueable(notifier, instance):
    return (
        isinstance(notifier, EmailNotificationMixin)
        and instance is not None
        and instance.pk is not None
        and not _in_worker.get()
    )


def install():
    original = Notifier.__call__
    if getattr(original, "queues_emails", False):
        return

    def __call__(self, instance=None, **kwargs):
        if not _queueable(self, instance):
            return original(self, instance, **kwargs)
        user = kwargs.get("user")
        send_workflow_email.enqueue(
            _path(type(self)), instance._meta.label_lower, instance.pk, getattr(user, "pk", None)
        )
        return True

    __call__.queues_emails = True
    Notifier.__call__ = __call__
