"""Sending a bulletin to its subscribers: at most once each, in batches, with retries.

*Send* (``tasks.start_sending``) records the sending (``record_start``) and
hands it to the worker (``tasks.send_bulletin``), which queues one ``Delivery``
per recipient (the unique constraint ignores those who already have one) and
sends ``SUBSCRIPTIONS_BATCH_SIZE`` (200) messages per batch over one SMTP
connection.

At most once: a delivery is claimed (``queued`` → ``sending``, a conditional
update that only one worker can win) in the same transaction that records the
previous message's outcome, and only then sent. A worker killed mid-batch so
leaves at most one delivery in ``sending``: whether its message left is
unknown, so it is never sent again; after ``SUBSCRIPTIONS_SENDING_LEASE_SECONDS``
(15 minutes) it is reported as failed. Everything still queued is sent when the sending is resumed
(*Send* again, or ``manage.py resume_bulletin_sendings``).

Failures: a 4xx reply or a lost connection is temporary; the delivery is tried
again after each of ``SUBSCRIPTIONS_RETRY_DELAYS`` (1, 5, 30, 120 minutes), then
reported as failed. A 5xx reply is permanent: for a refused recipient or message
the address is marked bounced and gets nothing more (a refused sender is the
network's misconfiguration, not the reader's: reported, not bounced).
"""

import datetime
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from publishing.visibility import is_page_public

from .lists import recipients
from .models import Delivery, DeliveryState, Sending, SendingState, Subscriber, SubscriberState
from .rendering import BulletinEmail


def _setting(name, default):
    return getattr(settings, f"SUBSCRIPTIONS_{name}", default)


def batch_size():
    return _setting("BATCH_SIZE", 200)


def retry_delays():
    """Seconds to wait before each retry of a temporary failure."""
    return _setting("RETRY_DELAYS", [60, 300, 1800, 7200])


def sending_lease():
    """How long a claimed delivery may stay in ``sending`` before it counts as interrupted."""
    return datetime.timedelta(seconds=_setting("SENDING_LEASE_SECONDS", 15 * 60))


class NotPublic(Exception):
    """Only a public bulletin is sent to subscribers."""


# Reasons stored in English and translated where they are shown (the admin's report).
INTERRUPTED = gettext_noop(
    "Interrupted while sending; not sent again, so that nobody receives it twice."
)
LEFT_BEFORE_SENDING = gettext_noop("Unsubscribed or bounced before it was sent.")
UNUSABLE_ADDRESS = gettext_noop("The address cannot be used.")


# --- Starting and reporting ------------------------------------------------------------------


def record_start(bulletin, user):
    """Record (or resume) the sending of a public bulletin (``tasks.start_sending`` queues it)."""
    if not is_page_public(bulletin):
        raise NotPublic
    Sending.objects.update_or_create(
        bulletin=bulletin,
        defaults={
            "state": SendingState.RUNNING,
            "requested_by": user,
            "started_at": timezone.now(),
            "finished_at": None,
        },
    )


@dataclass
class Report:
    total: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    waiting: int = 0

    @property
    def done(self):
        return self.sent + self.failed + self.skipped

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def report(bulletin):
    """Counts of the bulletin's deliveries, in one query."""
    counts = Delivery.objects.filter(bulletin=bulletin).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(state=DeliveryState.SENT)),
        failed=Count("pk", filter=Q(state=DeliveryState.FAILED)),
        skipped=Count("pk", filter=Q(state=DeliveryState.SKIPPED)),
        waiting=Count("pk", filter=Q(state__in=[DeliveryState.QUEUED, DeliveryState.SENDING])),
    )
    return Report(**counts)


def failure_reasons(bulletin):
    """[(error, count)] of the failed and skipped deliveries, most frequent first."""
    return list(
        Delivery.objects.filter(
            bulletin=bulletin, state__in=[DeliveryState.FAILED, DeliveryState.SKIPPED]
        )
        .values_list("error")
        .annotate(count=Count("pk"))
        .order_by("-count", "error")
    )


# --- The worker's side -------------------------------------------------------------------------


def queue_recipients(bulletin):
    """One delivery per recipient who has none for this bulletin yet."""
    ids = recipients(bulletin).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(bulletin=bulletin, subscriber_id=pk) for pk in ids.iterator()),
        batch_size=1000,
        ignore_conflicts=True,
    )


def _mark_interrupted(bulletin, now):
    Delivery.objects.filter(
        bulletin=bulletin, state=DeliveryState.SENDING, attempted_at__lt=now - sending_lease()
    ).update(
        state=DeliveryState.FAILED,
        error=INTERRUPTED,
    )


def _skip_those_who_left(bulletin, ids):
    Delivery.objects.filter(pk__in=ids, state=DeliveryState.QUEUED).exclude(
        subscriber__in=recipients(bulletin)
    ).update(state=DeliveryState.SKIPPED, error=LEFT_BEFORE_SENDING)


@dataclass
class Outcome:
    """What happened to one message."""

    delivery_id: int
    state: str = DeliveryState.SENT
    error: str = ""
    retry_at: datetime.datetime | None = None
    bounce: bool = False


def mark_bounced(subscriber_id, reason):
    Subscriber.objects.filter(pk=subscriber_id).update(
        state=SubscriberState.BOUNCED, bounced_at=timezone.now(), bounce_reason=reason[:500]
    )


def _smtp_code(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return min(code for code, _message in error.recipients.values())
    return getattr(error, "smtp_code", None)


def _outcome_of_failure(delivery, error, now):
    code = _smtp_code(error)
    text = f"{code or ''} {error}".strip()[:500]
    if code is not None and 500 <= code < 600:
        # The sender refused: the network's settings, not the reader's address, are wrong.
        bounce = not isinstance(error, smtplib.SMTPSenderRefused)
        return Outcome(delivery.pk, DeliveryState.FAILED, text, bounce=bounce)
    delays = retry_delays()
    if delivery.attempts > len(delays):
        return Outcome(delivery.pk, DeliveryState.FAILED, text)
    retry_at = now + datetime.timedelta(seconds=delays[delivery.attempts - 1])
    return Outcome(delivery.pk, DeliveryState.QUEUED, text, retry_at=retry_at)


def _record(outcome):
    changes = {"state": outcome.state, "error": outcome.error}
    if outcome.state == DeliveryState.SENT:
        changes["sent_at"] = timezone.now()
    if outcome.retry_at:
        changes["next_attempt_at"] = outcome.retry_at
    Delivery.objects.filter(pk=outcome.delivery_id).update(**changes)
    if outcome.bounce:
        subscriber_id = Delivery.objects.values_list("subscriber_id", flat=True).get(
            pk=outcome.delivery_id
        )
        mark_bounced(subscriber_id, outcome.error)


def _record_and_claim(previous, delivery, now):
    """One transaction: the previous message's outcome, then this delivery's claim."""
    with transaction.atomic():
        if previous is not None:
            _record(previous)
        if delivery is None:
            return False
        claimed = Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.QUEUED).update(
            state=DeliveryState.SENDING, attempted_at=now, attempts=F("attempts") + 1
        )
    delivery.attempts += 1
    return bool(claimed)


def _defer(ids, error, now):
    """The mail server could not be reached: the whole batch waits for a retry."""
    for delivery in Delivery.objects.filter(pk__in=ids, state=DeliveryState.QUEUED):
        delivery.attempts += 1
        outcome = _outcome_of_failure(delivery, error, now)
        Delivery.objects.filter(pk=delivery.pk).update(
            attempts=delivery.attempts,
            state=outcome.state,
            error=outcome.error,
            next_attempt_at=outcome.retry_at or now,
        )


def send_batch(bulletin, email=None):
    """Send up to ``batch_size()`` due messages of the bulletin over one connection."""
    now = timezone.now()
    _mark_interrupted(bulletin, now)
    due = Delivery.objects.filter(
        bulletin=bulletin, state=DeliveryState.QUEUED, next_attempt_at__lte=now
    ).order_by("pk")
    ids = list(due.values_list("pk", flat=True)[: batch_size()])
    if not ids:
        return
    _skip_those_who_left(bulletin, ids)
    batch = list(
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.QUEUED)
        .select_related("subscriber")
        .order_by("pk")
    )
    email = email or BulletinEmail(bulletin)
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except OSError as error:  # smtplib's errors included
        _defer([delivery.pk for delivery in batch], error, now)
        return
    previous = None
    try:
        for delivery in batch:
            claimed = _record_and_claim(previous, delivery, timezone.now())
            previous = None
            if claimed:
                previous = _send_one(email, delivery, connection)
    finally:
        _record_and_claim(previous, None, None)
        connection.close()


def _send_one(email, delivery, connection):
    try:
        email.for_subscriber(delivery.subscriber, connection).send()
    except (ValueError, UnicodeError):  # an address Python's email package refuses
        return Outcome(delivery.pk, DeliveryState.FAILED, UNUSABLE_ADDRESS)
    except OSError as error:  # smtplib's errors included
        if not isinstance(error, smtplib.SMTPException) or isinstance(
            error, smtplib.SMTPServerDisconnected
        ):
            _reconnect(connection)
        return _outcome_of_failure(delivery, error, timezone.now())
    return Outcome(delivery.pk)


def _reconnect(connection):
    """After a lost connection; if the server is still away, the next message says so."""
    connection.close()
    try:
        connection.open()
    except OSError:
        connection.close()


def next_step(bulletin):
    """``("now", None)``, ``("later", when)`` or ``("done", None)``."""
    waiting = Delivery.objects.filter(bulletin=bulletin, state=DeliveryState.QUEUED)
    earliest = waiting.aggregate(earliest=Min("next_attempt_at"))["earliest"]
    if earliest is None:
        return "done", None
    return ("now", None) if earliest <= timezone.now() else ("later", earliest)


def finish(bulletin, state=SendingState.FINISHED):
    Sending.objects.filter(bulletin=bulletin).update(state=state, finished_at=timezone.now())


def run(bulletin, *, queue=False, hand_on=None):
    """Send one batch, then ``hand_on(bulletin, when)`` the rest (``when``: None for at
    once), so that each batch is a task of its own and a restarted worker picks up
    the next one; without ``hand_on``, send every batch in this call."""
    if queue:
        queue_recipients(bulletin)
    email = None
    while True:
        if not is_page_public(bulletin):
            finish(bulletin, SendingState.STOPPED)  # not public any more; Send resumes
            return
        email = email or BulletinEmail(bulletin)
        send_batch(bulletin, email)
        step, when = next_step(bulletin)
        if step == "done":
            finish(bulletin)
            return
        if hand_on is not None:
            hand_on(bulletin, when)
            return
        if step == "later":
            time.sleep(max(0.0, (when - timezone.now()).total_seconds()))


def subscriber_count(bulletin):
    return recipients(bulletin).count()
