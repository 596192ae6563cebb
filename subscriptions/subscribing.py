"""Joining, confirming, changing one's choices and leaving: the rules, in one place.

A submitted form never changes a confirmed subscriber's choices (anybody may
type anybody's address): it sends them a link to their preferences instead.
Confirmation emails to one address are sent at most once per
``RESEND_INTERVAL``, so the form cannot be used to flood an inbox, and the
page says the same thing whatever the address's state, so it tells nobody who
is subscribed.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from .lists import describe_lists, groups_for_keys
from .models import Consent, Subscriber, SubscriberState, normalise_email
from .tasks import send_notice
from .tokens import CONFIRMATION_MAX_AGE

RESEND_INTERVAL = datetime.timedelta(hours=1)


def forget_unconfirmed():
    """Addresses never confirmed within the link's lifetime are kept no longer."""
    expired = timezone.now() - datetime.timedelta(seconds=CONFIRMATION_MAX_AGE)
    Subscriber.objects.filter(
        state=SubscriberState.PENDING, confirmation_sent_at__lt=expired
    ).delete()


def _set_lists(subscriber, data):
    """Store the choices; return them in words, as the form showed them, for the consent."""
    subscriber.language = data["language"]
    subscriber.bulletin = data["bulletin"]
    subscriber.save()
    subscriber.groups.set(groups_for_keys(data["groups"]))
    return describe_lists(data["bulletin"], data["groups"])


def _may_send_again(subscriber, now):
    sent = subscriber.confirmation_sent_at
    return sent is None or now - sent >= RESEND_INTERVAL


def request_subscription(data, consent_text):
    """Handle a valid subscription form (``data``: its cleaned data)."""
    forget_unconfirmed()
    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=normalise_email(data["email"]),
            defaults={"language": data["language"], "bulletin": data["bulletin"]},
        )
        if subscriber.state == SubscriberState.CONFIRMED:
            notice = "already_subscribed"
        else:
            subscriber.state = SubscriberState.PENDING
            lists = _set_lists(subscriber, data)
            subscriber.consents.filter(confirmed_at__isnull=True).delete()
            Consent.objects.create(
                subscriber=subscriber,
                given_at=now,
                language=data["language"],
                text=str(consent_text),
                lists=lists,
            )
            notice = "confirm"
        if not _may_send_again(subscriber, now):
            return
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["confirmation_sent_at", "state"])
    # Sent by the worker: a slow or failing mail server never fails the form.
    send_notice.enqueue(subscriber.pk, notice)


def confirm(subscriber):
    """Confirm a pending address; True when it is (or already was) confirmed."""
    if subscriber.state == SubscriberState.CONFIRMED:
        return True
    if subscriber.state != SubscriberState.PENDING:
        return False
    now = timezone.now()
    with transaction.atomic():
        subscriber.state = SubscriberState.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["state", "confirmed_at"])
        subscriber.consents.filter(confirmed_at__isnull=True).update(confirmed_at=now)
    return True


def change_preferences(subscriber, data, consent_text):
    """Save new choices from the signed link; the link proves the address, so this also
    subscribes again an address that had left or bounced."""
    now = timezone.now()
    with transaction.atomic():
        subscriber.state = SubscriberState.CONFIRMED
        subscriber.confirmed_at = subscriber.confirmed_at or now
        lists = _set_lists(subscriber, data)
        Consent.objects.create(
            subscriber=subscriber,
            given_at=now,
            confirmed_at=now,
            language=data["language"],
            text=str(consent_text),
            lists=lists,
        )


def unsubscribe(subscriber):
    if subscriber.state == SubscriberState.UNSUBSCRIBED:
        return
    subscriber.state = SubscriberState.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["state", "unsubscribed_at"])
