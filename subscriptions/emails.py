"""What every email of this app shares: the sender, absolute links, and the links a
subscriber needs (confirm, manage, unsubscribe), in the subscriber's language."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from home.models import NetworkSettings

from . import tokens


def absolute_url(path):
    """A link for an email: the public address (``BASE_URL``) and a path."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def network():
    return NetworkSettings.for_site(Site.objects.get(is_default_site=True))


def sender():
    """``From``: the network's name on the sending address (``DEFAULT_FROM_EMAIL``), so that
    the mail server's SPF and DKIM cover it; replies go to the network's contact address."""
    settings_ = network()
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    reply_to = [settings_.email] if settings_.email else []
    return formataddr((settings_.short_name or settings_.name, address)), reply_to


def subscriber_url(name, subscriber, token):
    """A link to one of the subscriber's pages, under the prefix of the subscriber's language."""
    with translation.override(subscriber.language):
        return absolute_url(reverse(name, args=[token]))


def manage_url(subscriber):
    return subscriber_url("subscriptions:preferences", subscriber, tokens.manage_token(subscriber))


def unsubscribe_url(subscriber):
    return subscriber_url("subscriptions:unsubscribe", subscriber, tokens.manage_token(subscriber))


def send_templated(subscriber, template, context, connection=None):
    """A plain-text email from ``subscriptions/email/<template>.txt`` (first line: subject)."""
    from_email, reply_to = sender()
    with translation.override(subscriber.language):
        text = render_to_string(
            f"subscriptions/email/{template}.txt", {**context, "network": network()}
        )
    subject, _, body = text.strip().partition("\n")
    message = EmailMessage(
        subject.strip(),
        body.strip() + "\n",
        from_email,
        [subscriber.email],
        reply_to=reply_to,
        connection=connection,
    )
    message.send()


def send_confirmation(subscriber):
    token = tokens.confirmation_token(subscriber)
    send_templated(
        subscriber,
        "confirm",
        {"confirm_url": subscriber_url("subscriptions:confirm", subscriber, token)},
    )


def send_already_subscribed(subscriber):
    send_templated(subscriber, "already_subscribed", {"manage_url": manage_url(subscriber)})
