"""The public form: on every language's site, accessible, double opt-in, kept from bots."""

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from subscriptions.models import Consent, Subscriber, SubscriberState

pytestmark = pytest.mark.django_db


def form_url(language="ca"):
    with translation.override(language):
        return reverse("subscriptions:subscribe")


VALID = {"email": "nuria@example.org", "language": "ca", "bulletin": "on", "consent": "on"}


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ca", "Subscriviu-vos al butlletí"), ("es", "Suscribíos al boletín"), ("en", "Subscribe")],
)
def test_the_form_is_on_every_languages_site(client, language, heading):
    response = client.get(form_url(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html and heading in html
    assert f'action="/{language}/subscriptions/"' in html


def test_the_footer_and_the_news_index_link_to_the_form(client, home_pages):
    from news.models import NewsIndexPage

    for language, home in home_pages.items():
        html = client.get(home.url).content.decode()
        assert f'href="/{language}/subscriptions/"' in html, language
    news_index = NewsIndexPage.objects.live().get(locale__language_code="es")
    html = client.get(news_index.url).content.decode()
    aside = html[html.index('class="subscribe"') :]
    assert 'href="/es/subscriptions/"' in aside


def test_every_field_has_a_label(client):
    html = client.get(form_url()).content.decode()
    for field_id in ("id_email", "id_language", "id_bulletin", "id_consent", "id_leave_empty"):
        assert f'for="{field_id}"' in html, field_id


def test_a_subscription_waits_for_confirmation_and_records_consent(client, mailbox):
    response = client.post(form_url(), VALID)
    assert response.status_code == 302 and response["Location"] == form_url() + "?sent=1"
    subscriber = Subscriber.objects.get(email="nuria@example.org")
    assert subscriber.state == SubscriberState.PENDING
    consent = Consent.objects.get(subscriber=subscriber)
    assert consent.language == "ca" and consent.confirmed_at is None
    assert "adreça electrònica" in consent.text  # the Catalan text the visitor read
    assert [item.recipients for item in mailbox.received] == [["nuria@example.org"]]
    assert "/ca/subscriptions/confirm/" in mailbox.received[0].message.get_content()


def test_the_confirmation_email_is_in_the_chosen_language(client, mailbox):
    client.post(form_url("ca"), {**VALID, "language": "en"})
    message = mailbox.received[0].message
    assert message["Subject"].startswith("Confirm your subscription")
    assert "/en/subscriptions/confirm/" in message.get_content()


def test_the_confirmation_email_addresses_the_reader_as_the_site_does(client, mailbox):
    # Vós, as every page, and the network's name with its article ("de la XMESS").
    client.post(form_url("ca"), VALID)
    subject = " ".join(str(mailbox.received[0].message["Subject"]).split())
    assert subject == "Confirmeu la subscripció al butlletí de la XMESS"


def test_errors_come_back_linked_to_their_fields_with_what_was_typed(client):
    response = client.post(form_url(), {"email": "no-es-una-adreça", "language": "ca"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="no-es-una-adreça"' in html
    assert 'aria-describedby="id_email_error"' in html and 'id="id_email_error"' in html
    assert 'href="#id_consent"' in html  # the summary links to the missing consent
    assert not Subscriber.objects.exists()


def test_choosing_no_list_is_an_error(client):
    response = client.post(form_url(), {**VALID, "bulletin": ""})
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_submission_that_fills_the_trap_is_thanked_and_kept_nowhere(client, mailbox):
    response = client.post(form_url(), {**VALID, "leave_empty": "http://spam.example"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and mailbox.received == []


def test_the_trap_is_out_of_sight_and_out_of_the_tab_order(client):
    html = client.get(form_url()).content.decode()
    trap = html[html.index('class="subscribe__trap"') :]
    assert trap.startswith('class="subscribe__trap" aria-hidden="true"')
    assert 'tabindex="-1"' in trap[: trap.index("</div>")]


def test_past_the_hourly_limit_the_form_comes_back_with_a_429(client, settings):
    settings.QUESTIONNAIRE_MAX_PER_ADDRESS = 2
    for number in range(2):
        email = f"persona{number}@example.org"
        assert client.post(form_url(), {**VALID, "email": email}).status_code == 302
    refused = client.post(form_url(), {**VALID, "email": "tercera@example.org"})
    assert refused.status_code == 429
    assert 'value="tercera@example.org"' in refused.content.decode()
    assert Subscriber.objects.count() == 2


def test_asking_again_never_changes_a_confirmed_subscribers_choices(
    client, mailbox, make_subscriber
):
    make_subscriber("nuria@example.org", language="es")
    client.post(form_url(), {**VALID, "language": "en", "bulletin": "on"})
    subscriber = Subscriber.objects.get(email="nuria@example.org")
    assert subscriber.language == "es" and subscriber.state == SubscriberState.CONFIRMED
    (notice,) = mailbox.received
    assert "/es/subscriptions/preferences/" in notice.message.get_content()


def test_a_confirmation_is_sent_at_most_once_an_hour(client, mailbox):
    for _ in range(3):
        client.post(form_url(), VALID)
    assert len(mailbox.received) == 1


def test_the_address_is_compared_without_case(client, mailbox):
    client.post(form_url(), VALID)
    client.post(form_url(), {**VALID, "email": "Nuria@Example.ORG"})
    assert Subscriber.objects.count() == 1


HOSTILE = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    '=HYPERLINK("http://evil.example")',
    "a" * 5000,
    "\u202eevil\u0000null",
    "😀" * 300,
    "../../etc/passwd",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["email", "language", "bulletin", "groups", "consent"])
def test_hostile_input_in_any_field_gets_a_4xx_or_is_accepted_and_never_echoed_raw(
    client, field, value
):
    data = {**VALID, "email": "valid@example.org", field: value}
    response = client.post(form_url(), data)
    assert response.status_code < 500
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    if response.status_code == 400:  # what was typed comes back, escaped
        kept = escape(value) if field == "email" else "valid@example.org"
        assert f'value="{kept}"' in html
    if field == "email":
        assert not Subscriber.objects.exists()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_input_in_the_trap_is_thanked_and_kept_nowhere(client, value):
    response = client.post(form_url(), {**VALID, "leave_empty": value})
    assert response.status_code < 500
    assert not Subscriber.objects.exists()
