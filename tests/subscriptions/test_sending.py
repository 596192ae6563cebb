"""A bulletin reaches each confirmed subscriber of its language and list once, whatever happens."""

import smtplib
from collections import Counter

import pytest

from django.contrib.auth import get_user_model

from subscriptions import sending
from subscriptions.models import Delivery, DeliveryState, Sending, SendingState, SubscriberState
from subscriptions.tasks import send_bulletin, start_sending

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """Stands for a SIGKILL: nothing after it runs, not even ``except Exception``."""


def received_by(mailbox):
    return Counter(address for item in mailbox.received for address in item.recipients)


def test_pressing_send_twice_sends_once(mailbox, bulletins, make_subscriber):
    for number in range(3):
        make_subscriber(f"lector{number}@example.org")
    start_sending(bulletins["ca"], None)
    start_sending(bulletins["ca"], None)
    assert received_by(mailbox) == {f"lector{n}@example.org": 1 for n in range(3)}


def test_a_send_interrupted_halfway_and_resumed_delivers_no_duplicates(
    mailbox, bulletins, make_subscriber, settings, monkeypatch
):
    settings.SUBSCRIPTIONS_BATCH_SIZE = 4
    settings.SUBSCRIPTIONS_SENDING_LEASE_SECONDS = 0
    addresses = [f"lector{number}@example.org" for number in range(10)]
    for address in addresses:
        make_subscriber(address)
    real_send = smtplib.SMTP.sendmail
    calls = []

    def killed_after_the_sixth(self, *args, **kwargs):
        result = real_send(self, *args, **kwargs)
        calls.append(1)
        if len(calls) == 6:  # the server took it; the worker dies before writing it down
            raise WorkerKilled
        return result

    monkeypatch.setattr(smtplib.SMTP, "sendmail", killed_after_the_sixth)
    with pytest.raises(WorkerKilled):
        sending.record_start(bulletins["ca"], None)
        sending.queue_recipients(bulletins["ca"])
        sending.run(bulletins["ca"])
    assert sum(received_by(mailbox).values()) == 6
    assert Delivery.objects.filter(state=DeliveryState.SENDING).count() == 1

    send_bulletin.enqueue(bulletins["ca"].pk)  # the worker restarts

    assert received_by(mailbox) == dict.fromkeys(addresses, 1)
    report = sending.report(bulletins["ca"])
    # The one in flight was received but cannot be known to be: reported, never resent.
    assert (report.sent, report.failed, report.waiting) == (9, 1, 0)
    assert Sending.objects.get(bulletin=bulletins["ca"]).state == SendingState.FINISHED


def test_only_confirmed_subscribers_of_the_bulletins_language_receive_it(
    mailbox, bulletins, make_subscriber
):
    make_subscriber("catala@example.org", "ca")
    make_subscriber("castellano@example.org", "es")
    make_subscriber("english@example.org", "en")
    make_subscriber("pendent@example.org", "es", state=SubscriberState.PENDING)
    make_subscriber("baixa@example.org", "es", state=SubscriberState.UNSUBSCRIBED)
    make_subscriber("rebot@example.org", "es", state=SubscriberState.BOUNCED)
    start_sending(bulletins["es"], None)
    assert received_by(mailbox) == {"castellano@example.org": 1}
    assert mailbox.received[0].message["Subject"].strip() == bulletins["es"].title


def test_a_working_groups_bulletin_goes_to_that_groups_list(mailbox, bulletins, make_subscriber):
    from groups.models import WorkingGroupPage

    housing, care = WorkingGroupPage.objects.filter(locale__language_code="ca")[:2]
    make_subscriber("xarxa@example.org")
    make_subscriber("habitatge@example.org", bulletin=False, groups=[housing])
    make_subscriber("cures@example.org", bulletin=False, groups=[care])
    bulletin = bulletins["ca"]
    bulletin.related_group = housing
    bulletin.save_revision().publish()
    start_sending(bulletin, None)
    assert received_by(mailbox) == {"habitatge@example.org": 1}


def test_a_temporary_failure_is_retried(mailbox, bulletins, make_subscriber):
    make_subscriber("ple@example.org")
    mailbox.refuse("ple@example.org", "452 4.2.2 Mailbox full, try later", times=1)
    start_sending(bulletins["ca"], None)
    assert received_by(mailbox) == {"ple@example.org": 1}
    delivery = Delivery.objects.get(subscriber__email="ple@example.org")
    assert (delivery.state, delivery.attempts) == (DeliveryState.SENT, 2)


def test_temporary_failures_give_up_after_the_last_retry(mailbox, bulletins, make_subscriber):
    subscriber = make_subscriber("sempreple@example.org")
    mailbox.refuse("sempreple@example.org", "451 4.3.0 Try again later")
    start_sending(bulletins["ca"], None)
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert (delivery.state, delivery.attempts) == (DeliveryState.FAILED, 3)  # 1 + 2 retries
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED


def test_retries_wait_for_their_backoff(mailbox, bulletins, make_subscriber, settings):
    settings.SUBSCRIPTIONS_RETRY_DELAYS = [3600]
    make_subscriber("ple@example.org")
    mailbox.refuse("ple@example.org", "452 4.2.2 Mailbox full", times=1)
    sending.record_start(bulletins["ca"], None)
    sending.queue_recipients(bulletins["ca"])
    sending.send_batch(bulletins["ca"])
    step, when = sending.next_step(bulletins["ca"])
    assert step == "later" and (when - Delivery.objects.get().attempted_at).seconds >= 3599
    sending.send_batch(bulletins["ca"])  # not due yet: nothing is tried
    assert Delivery.objects.get().attempts == 1 and mailbox.received == []


def test_a_hard_failure_marks_the_address_bounced(mailbox, bulletins, make_subscriber):
    make_subscriber("bo@example.org")
    gone = make_subscriber("noexisteix@example.org")
    mailbox.refuse("noexisteix@example.org", "550 5.1.1 No such user")
    start_sending(bulletins["ca"], None)
    gone.refresh_from_db()
    assert gone.state == SubscriberState.BOUNCED and "550" in gone.bounce_reason
    assert received_by(mailbox) == {"bo@example.org": 1}
    report = sending.report(bulletins["ca"])
    assert (report.sent, report.failed) == (1, 1)


def test_subscribers_who_leave_before_their_turn_are_skipped(mailbox, bulletins, make_subscriber):
    stays = make_subscriber("queda@example.org")
    leaves = make_subscriber("marxa@example.org")
    sending.record_start(bulletins["ca"], None)
    sending.queue_recipients(bulletins["ca"])
    leaves.state = SubscriberState.UNSUBSCRIBED
    leaves.save()
    sending.run(bulletins["ca"])
    assert received_by(mailbox) == {stays.email: 1}
    assert sending.report(bulletins["ca"]).skipped == 1


def test_a_bulletin_that_is_not_public_is_not_sent(mailbox, bulletins, make_subscriber):
    make_subscriber("lector@example.org")
    start_sending(bulletins["ca"], None)
    assert len(mailbox.received) == 1  # a public bulletin goes out
    mailbox.clear()
    draft = bulletins["es"]
    draft.unpublish()
    make_subscriber("lector@example.es", "es")
    with pytest.raises(sending.NotPublic):
        start_sending(draft, None)
    assert mailbox.received == []


def test_an_unreachable_server_delays_the_batch(bulletins, make_subscriber, settings):
    from .smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.SUBSCRIPTIONS_RETRY_DELAYS = [600]
    make_subscriber("lector@example.org")
    sending.record_start(bulletins["ca"], None)
    sending.queue_recipients(bulletins["ca"])
    sending.send_batch(bulletins["ca"])
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts) == (DeliveryState.QUEUED, 1)
    assert sending.next_step(bulletins["ca"])[0] == "later"


def test_the_sender_is_the_network_on_the_sending_address(mailbox, bulletins, make_subscriber):
    from subscriptions.emails import network

    make_subscriber("lector@example.org")
    start_sending(bulletins["ca"], None)
    message = mailbox.received[0].message
    assert message["From"].addresses[0].display_name == network().short_name
    assert message["From"].addresses[0].addr_spec == "web@xmess.example"
    assert message["Reply-To"] == network().email
    assert message["List-Id"]


def test_the_html_part_has_absolute_links_only(mailbox, bulletins, make_subscriber):
    make_subscriber("lector@example.org")
    start_sending(bulletins["ca"], None)
    (html,) = [
        part.get_content()
        for part in mailbox.received[0].message.iter_parts()
        if part.get_content_type() == "text/html"
    ]
    assert 'href="http://testserver/ca/' in html
    assert 'href="/' not in html and 'src="/' not in html


def test_send_test_reaches_only_the_editor(mailbox, bulletins, make_subscriber, secretariat_client):
    from django.urls import reverse

    make_subscriber("lector@example.org")
    editor = get_user_model().objects.get(username="secretaria")
    url = reverse("subscriptions_bulletin_sending", args=[bulletins["ca"].pk])
    secretariat_client.post(url, {"action": "test"})
    assert [item.recipients for item in mailbox.received] == [[editor.email]]
    assert mailbox.received[0].message["Subject"].strip().startswith("[Prova]")
    assert not Delivery.objects.exists()
