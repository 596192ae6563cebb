"""The signed links in emails: confirm, change one's choices, unsubscribe (RFC 8058)."""

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import translation

from subscriptions import tokens
from subscriptions.models import Consent, SubscriberState

pytestmark = pytest.mark.django_db


def url(name, token, language="ca"):
    with translation.override(language):
        return reverse(f"subscriptions:{name}", args=[token])


def test_the_confirmation_link_shows_a_button_and_the_button_confirms(client, make_subscriber):
    subscriber = make_subscriber("nova@example.org", state=SubscriberState.PENDING)
    Consent.objects.create(subscriber=subscriber, language="ca", text="Text", lists="Butlletí")
    link = url("confirm", tokens.confirmation_token(subscriber))
    page = client.get(link)
    assert page.status_code == 200 and 'type="submit"' in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.PENDING  # following the link alone is not enough
    client.post(link)
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED and subscriber.confirmed_at
    assert Consent.objects.get(subscriber=subscriber).confirmed_at


@pytest.mark.parametrize("name", ["confirm", "preferences", "unsubscribe"])
def test_a_forged_or_broken_link_gets_a_404_with_a_message(client, name, make_subscriber):
    subscriber = make_subscriber("lector@example.org")
    good = (
        tokens.confirmation_token(subscriber)
        if name == "confirm"
        else tokens.manage_token(subscriber)
    )
    assert client.get(url(name, good)).status_code == 200
    for token in [good[:-2] + "xx", "x", "<script>", subscriber.key.hex]:
        response = client.get(url(name, token))
        assert response.status_code == 404
        assert "no és vàlid" in response.content.decode()


def test_a_confirmation_link_expires_after_seven_days(client, make_subscriber, monkeypatch):
    subscriber = make_subscriber("tard@example.org", state=SubscriberState.PENDING)
    token = tokens.confirmation_token(subscriber)
    assert client.get(url("confirm", token)).status_code == 200
    monkeypatch.setattr(tokens, "CONFIRMATION_MAX_AGE", -1)
    assert client.get(url("confirm", token)).status_code == 404


def test_a_link_for_confirming_cannot_unsubscribe_and_the_reverse(client, make_subscriber):
    subscriber = make_subscriber("lector@example.org")
    assert client.get(url("unsubscribe", tokens.confirmation_token(subscriber))).status_code == 404
    assert client.get(url("confirm", tokens.manage_token(subscriber))).status_code == 404


def test_one_click_unsubscribe_needs_no_session_and_no_csrf_token(make_subscriber):
    subscriber = make_subscriber("lector@example.org")
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        url("unsubscribe", tokens.manage_token(subscriber)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200  # answered, not redirected
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED and subscriber.unsubscribed_at


def test_the_unsubscribe_link_opened_in_a_browser_asks_first(client, make_subscriber):
    subscriber = make_subscriber("lector@example.org")
    page = client.get(url("unsubscribe", tokens.manage_token(subscriber)))
    assert page.status_code == 200 and "List-Unsubscribe" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED


def test_changing_ones_choices_needs_the_forms_csrf_token(make_subscriber):
    subscriber = make_subscriber("lector@example.org")
    browser = Client(enforce_csrf_checks=True)
    link = url("preferences", tokens.manage_token(subscriber))
    assert browser.post(link, {"language": "en", "bulletin": "on"}).status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.language == "ca"


def test_a_subscriber_changes_language_and_lists_and_the_consent_is_recorded(
    client, make_subscriber
):
    from groups.models import WorkingGroupPage

    subscriber = make_subscriber("lector@example.org")
    group = WorkingGroupPage.objects.live().filter(locale__language_code="es").first()
    link = url("preferences", tokens.manage_token(subscriber), "es")
    page = client.get(link).content.decode()
    assert f'value="{group.translation_key}"' in page and group.title in page
    response = client.post(
        link, {"language": "es", "bulletin": "", "groups": [str(group.translation_key)]}
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "es" and not subscriber.bulletin
    (stored,) = subscriber.groups.all()
    assert stored.translation_key == group.translation_key
    assert stored.locale.language_code == "ca"  # kept as the group's page in the default language
    consent = subscriber.consents.get()
    assert consent.language == "es" and consent.confirmed_at and group.title in consent.lists


def test_saving_ones_choices_again_subscribes_again(client, make_subscriber):
    subscriber = make_subscriber("tornada@example.org", state=SubscriberState.UNSUBSCRIBED)
    client.post(
        url("preferences", tokens.manage_token(subscriber)), {"language": "ca", "bulletin": "on"}
    )
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED


@pytest.mark.parametrize("value", ['<script>alert("x")</script>', "a" * 5000, "\u0000"])
@pytest.mark.parametrize("field", ["language", "bulletin", "groups"])
def test_hostile_input_in_the_preferences_form_changes_nothing_and_never_fails(
    client, make_subscriber, field, value
):
    subscriber = make_subscriber("lector@example.org")
    link = url("preferences", tokens.manage_token(subscriber))
    response = client.post(link, {"language": "en", "bulletin": "on", field: value})
    assert response.status_code < 500
    assert "<script>alert" not in response.content.decode()
    subscriber.refresh_from_db()
    if response.status_code == 400:
        assert subscriber.language == "ca"
