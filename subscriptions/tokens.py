"""Signed links in emails: confirming an address, and managing or ending a subscription.

Tokens sign the subscriber's random ``key`` (never the address, never the row
id), each kind with its own salt so that one cannot stand for another. A
confirmation link expires; the links in bulletins do not, because an
unsubscribe link must work in an old email too (RFC 8058).
"""

from django.core import signing

from .models import Subscriber

CONFIRM_SALT = "subscriptions.confirm"
MANAGE_SALT = "subscriptions.manage"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600


def confirmation_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key.hex)


def manage_token(subscriber):
    return signing.Signer(salt=MANAGE_SALT).sign(subscriber.key.hex)


def _subscriber(key):
    return Subscriber.objects.filter(key=key).first()


def subscriber_to_confirm(token):
    """The subscriber a confirmation link names, or None when it is forged, expired or erased."""
    try:
        key = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a subclass
        return None
    return _subscriber(key)


def subscriber_to_manage(token):
    """The subscriber a link in an email names, or None when it is forged or erased."""
    try:
        key = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return _subscriber(key)
