"""Background work of subscriptions, run by django-tasks (the worker in production),
and the two ways a bulletin's sending is handed to it."""

from django_tasks import task

from news.models import BulletinPage

from . import emails, sending
from .models import Sending, SendingState, Subscriber

NOTICES = {
    "confirm": emails.send_confirmation,
    "already_subscribed": emails.send_already_subscribed,
}


@task()
def send_notice(subscriber_id, notice):
    """A confirmation link, or a reminder that the address is already subscribed."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:  # erased before the worker got to it
        return
    try:
        NOTICES[notice](subscriber)
    except OSError:
        # The person may ask again at once rather than after the resend interval.
        Subscriber.objects.filter(pk=subscriber_id).update(confirmation_sent_at=None)
        raise


@task()
def send_bulletin(bulletin_id, queue=False):
    """Queue the recipients (on *Send*), then send a batch and hand on the rest."""
    bulletin = BulletinPage.objects.filter(pk=bulletin_id).first()
    if bulletin is None:  # deleted since
        return
    backend = send_bulletin.get_backend()
    # A backend that cannot defer (the immediate one) sends every batch in this call.
    hand_on = _hand_on if backend.supports_defer else None
    sending.run(bulletin, queue=queue, hand_on=hand_on)


def _hand_on(bulletin, when):
    task = send_bulletin.using(run_after=when) if when else send_bulletin
    task.enqueue(bulletin.pk)


def start_sending(bulletin, user):
    """*Send*: record the sending (raises ``sending.NotPublic``) and queue it."""
    sending.record_start(bulletin, user)
    send_bulletin.enqueue(bulletin.pk, queue=True)


def resume_sendings():
    """Queue again every unfinished sending (after a worker was stopped mid-send)."""
    running = Sending.objects.filter(state=SendingState.RUNNING)
    for bulletin_id in running.values_list("bulletin_id", flat=True):
        send_bulletin.enqueue(bulletin_id)
