"""From the public form to the inbox and out again, through a real SMTP server."""

import pytest

from django.urls import reverse
from django.utils import translation

from subscriptions.models import Subscriber, SubscriberState
from subscriptions.tasks import start_sending

from .conftest import link_in, next_bulletin, path_of

pytestmark = pytest.mark.django_db


def subscribe(client, email, language="ca"):
    with translation.override(language):
        url = reverse("subscriptions:subscribe")
    data = {"email": email, "language": language, "bulletin": "on", "consent": "on"}
    response = client.post(url, data, REMOTE_ADDR=f"192.0.2.{len(email)}")
    assert response.status_code == 302, response.content.decode()[:2000]


def confirm_from_inbox(client, mailbox, email):
    (confirmation,) = mailbox.to(email)
    link = link_in(confirmation.message.get_content(), "confirm")
    assert client.get(path_of(link)).status_code == 200
    assert client.post(path_of(link)).status_code == 302


def parts(message):
    return {part.get_content_type(): part.get_content() for part in message.iter_parts()}


def test_subscribe_confirm_send_unsubscribe_and_the_next_send_skips(
    client, mailbox, bulletins, secretariat_client
):
    readers = ["anna@example.org", "bernat@example.org"]
    for email in readers + ["carla@example.org"]:
        subscribe(client, email)
    subscribe(client, "diego@example.org", language="es")
    assert len(mailbox.received) == 4  # one confirmation each, and nothing else yet
    for email in readers + ["diego@example.org"]:
        confirm_from_inbox(client, mailbox, email)
    # Carla never confirms.
    mailbox.clear()

    start_sending(bulletins["ca"], None)

    for email in readers:
        (received,) = mailbox.to(email)
        message = received.message
        assert message["Subject"].strip() == bulletins["ca"].title
        unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
        assert "/ca/subscriptions/unsubscribe/" in unsubscribe
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.get_content_type() == "multipart/alternative"
        content = parts(message)
        assert bulletins["ca"].title in content["text/plain"]
        assert bulletins["ca"].title in content["text/html"]
        assert unsubscribe in content["text/html"] and unsubscribe in content["text/plain"]
    assert mailbox.to("carla@example.org") == []  # unconfirmed: nothing
    assert mailbox.to("diego@example.org") == []  # reads Spanish
    assert len(mailbox.received) == 2

    # One-click unsubscribe, as a mail provider sends it: no cookie, no CSRF token.
    anna = mailbox.to("anna@example.org")[0].message["List-Unsubscribe"].strip().strip("<>")
    client.cookies.clear()
    response = client.post(
        path_of(anna),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(email="anna@example.org").state == SubscriberState.UNSUBSCRIBED

    mailbox.clear()
    start_sending(next_bulletin(bulletins["ca"]), None)
    assert [item.recipients for item in mailbox.received] == [["bernat@example.org"]]
