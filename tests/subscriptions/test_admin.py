"""Only the secretariat sees subscribers; bulletin editors send; coordinators get 403 everywhere."""

import csv
import io
import json

import pytest

from django.urls import reverse

from subscriptions.models import Consent, Delivery, Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(make_subscriber, bulletins):
    subscriber = make_subscriber("=cmd|' /C calc'!A0@example.org")
    Consent.objects.create(subscriber=subscriber, language="ca", text="Accepto", lists="Butlletí")
    Delivery.objects.create(bulletin=bulletins["ca"], subscriber=subscriber, state="sent")
    return subscriber


def subscriber_urls(subscriber):
    pk = subscriber.pk
    return [
        reverse("subscriptions_subscriber:index"),
        reverse("subscriptions_subscriber:index") + "?export=csv",
        reverse("subscriptions_subscriber:index") + "?export=xlsx",
        reverse("subscriptions_subscriber:index_results"),
        reverse("subscriptions_subscriber:edit", args=[pk]),
        reverse("subscriptions_subscriber:inspect", args=[pk]),
        reverse("subscriptions_subscriber:history", args=[pk]),
        reverse("subscriptions_subscriber:export", args=[pk, "json"]),
        reverse("subscriptions_subscriber:export", args=[pk, "csv"]),
        reverse("subscriptions_subscriber:erase", args=[pk]),
    ]


def test_the_secretariat_opens_every_subscribers_url(secretariat_client, subscriber):
    for url in subscriber_urls(subscriber):
        assert secretariat_client.get(url).status_code == 200, url


def test_coordinators_get_permission_denied_from_every_subscribers_url(
    coordinator_client, subscriber
):
    for url in subscriber_urls(subscriber):
        response = coordinator_client.get(url)
        assert response.status_code == 403, url
        assert subscriber.email.encode() not in response.content, url
    erase = reverse("subscriptions_subscriber:erase", args=[subscriber.pk])
    coordinator_client.post(erase)
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, subscriber):
    for url in subscriber_urls(subscriber):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_coordinators_do_not_see_the_subscribers_menu(coordinator_client, admin_client):
    index = reverse("subscriptions_subscriber:index")
    assert index in admin_client.get("/admin/").content.decode()
    assert index not in coordinator_client.get("/admin/").content.decode()


def test_nobody_adds_or_deletes_a_subscriber_in_the_admin(admin_client, subscriber):
    assert admin_client.get(reverse("subscriptions_subscriber:add")).status_code == 403
    delete = reverse("subscriptions_subscriber:delete", args=[subscriber.pk])
    assert admin_client.post(delete).status_code == 403
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_search_and_filters_find_subscribers(secretariat_client, make_subscriber):
    make_subscriber("anna@example.org", language="es")
    make_subscriber("bernat@example.org", language="en")
    index = reverse("subscriptions_subscriber:index")
    html = secretariat_client.get(index, {"q": "anna"}).content.decode()
    assert "anna@example.org" in html and "bernat@example.org" not in html
    html = secretariat_client.get(index, {"language": "en"}).content.decode()
    assert "bernat@example.org" in html and "anna@example.org" not in html


def test_every_csv_cell_that_looks_like_a_formula_is_neutralised(secretariat_client, subscriber):
    subscriber.bounce_reason = "+SUM(1,2)"
    subscriber.save()
    response = secretariat_client.get(reverse("subscriptions_subscriber:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    row = next(row for row in rows if "calc" in row[0])
    assert row[0] == "'" + subscriber.email
    assert "'+SUM(1,2)" in row
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)


def test_the_personal_data_exports_hold_everything_kept(secretariat_client, subscriber):
    url = reverse("subscriptions_subscriber:export", args=[subscriber.pk, "json"])
    data = json.loads(secretariat_client.get(url).content)
    assert data["subscriber"]["email"] == subscriber.email
    assert data["consents"][0]["text"] == "Accepto"
    assert data["deliveries"][0]["state"] == "sent"
    csv_url = reverse("subscriptions_subscriber:export", args=[subscriber.pk, "csv"])
    body = secretariat_client.get(csv_url).content.decode("utf-8")
    assert body.startswith("\ufefffield,value") and "'=cmd" in body


def test_erasure_leaves_nothing_about_the_subscriber(secretariat_client, subscriber):
    edit = reverse("subscriptions_subscriber:edit", args=[subscriber.pk])
    secretariat_client.post(
        edit, {"language": "es", "bulletin": "on", "state": "confirmed"}
    )  # leaves a history entry
    secretariat_client.post(reverse("subscriptions_subscriber:erase", args=[subscriber.pk]))
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Consent.objects.exists() and not Delivery.objects.exists()
    from wagtail.models import ModelLogEntry

    assert not ModelLogEntry.objects.filter(object_id=str(subscriber.pk)).exists()


def test_the_bulletin_offers_send_by_email_to_its_editors(secretariat_client, bulletins):
    sending_url = reverse("subscriptions_bulletin_sending", args=[bulletins["ca"].pk])
    edit = secretariat_client.get(reverse("wagtailadmin_pages:edit", args=[bulletins["ca"].pk]))
    assert sending_url in edit.content.decode()
    page = secretariat_client.get(sending_url)
    assert page.status_code == 200 and 'value="send"' in page.content.decode()


def test_other_pages_do_not_offer_send_by_email(secretariat_client, home_pages):
    edit = secretariat_client.get(reverse("wagtailadmin_pages:edit", args=[home_pages["ca"].pk]))
    assert edit.status_code == 200
    assert "/admin/subscriptions/bulletins/" not in edit.content.decode()
    url = reverse("subscriptions_bulletin_sending", args=[home_pages["ca"].pk])
    assert secretariat_client.get(url).status_code == 404


def test_coordinators_cannot_open_or_send_a_bulletin(coordinator_client, bulletins, mailbox):
    url = reverse("subscriptions_bulletin_sending", args=[bulletins["ca"].pk])
    assert coordinator_client.get(url).status_code == 403
    for action in ("send", "test"):
        assert coordinator_client.post(url, {"action": action}).status_code == 403
    assert mailbox.received == [] and not Delivery.objects.exists()


def test_the_report_shows_progress_and_counts(
    secretariat_client, bulletins, make_subscriber, mailbox
):
    make_subscriber("bo@example.org")
    make_subscriber("dolent@example.org")
    mailbox.refuse("dolent@example.org", "550 5.1.1 No such user")
    url = reverse("subscriptions_bulletin_sending", args=[bulletins["ca"].pk])
    response = secretariat_client.post(url, {"action": "send"})
    assert response.status_code == 302
    html = secretariat_client.get(url).content.decode()
    assert '<progress max="100" value="100"' in html
    assert "<td>2</td><td>1</td><td>1</td><td>0</td><td>0</td>" in html
    assert "550" in html
    edit = reverse("wagtailadmin_pages:edit", args=[bulletins["ca"].pk])
    header = secretariat_client.get(edit).content.decode()
    assert "1 enviats, 1 fallits, 0 omesos, 0 pendents" in header


def test_a_bulletin_that_is_not_public_cannot_be_sent(secretariat_client, bulletins, mailbox):
    bulletin = bulletins["es"]
    url = reverse("subscriptions_bulletin_sending", args=[bulletin.pk])
    assert 'value="send"' in secretariat_client.get(url).content.decode()
    bulletin.unpublish()
    assert 'value="send"' not in secretariat_client.get(url).content.decode()
    secretariat_client.post(url, {"action": "send"})
    assert not Delivery.objects.exists()
