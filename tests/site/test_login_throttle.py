"""The admin sign-in is rate-limited, without writing names or addresses to the log."""

import logging

import pytest

from django.core.cache import caches

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def empty_throttle(settings):
    caches[settings.LOGIN_THROTTLE_CACHE_ALIAS].clear()
    yield
    caches[settings.LOGIN_THROTTLE_CACHE_ALIAS].clear()


def _attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_demo_account_signs_in(client):
    response = _attempt(client, "secretaria", "secretaria-demo")
    assert response.status_code == 302


def test_an_account_is_paused_after_five_failures_even_with_the_right_password(client, settings):
    for _ in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT):
        assert _attempt(client, "secretaria", "wrong").status_code == 200
    response = _attempt(client, "secretaria", "secretaria-demo")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.LOGIN_THROTTLE_WINDOW_SECONDS
    assert (
        "Too many sign-in attempts" in response.content.decode()
        or "intents" in response.content.decode()
    )


def test_a_paused_account_does_not_block_other_accounts(client, settings):
    for _ in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT):
        _attempt(client, "secretaria", "wrong", address="203.0.113.8")
    assert _attempt(client, "coord-cures", "cures-demo", address="203.0.113.9").status_code == 302


def test_an_address_is_paused_after_too_many_failures_on_any_accounts(client, settings):
    for number in range(settings.LOGIN_THROTTLE_MAX_PER_ADDRESS):
        _attempt(client, f"nobody-{number}", "wrong")
    assert _attempt(client, "coord-cures", "cures-demo").status_code == 429
    assert _attempt(client, "coord-cures", "cures-demo", address="198.51.100.1").status_code == 302


def test_a_successful_sign_in_clears_the_account_count(client, settings):
    for _ in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT - 1):
        _attempt(client, "secretaria", "wrong")
    assert _attempt(client, "secretaria", "secretaria-demo").status_code == 302
    client.logout()
    assert _attempt(client, "secretaria", "wrong").status_code == 200
    assert _attempt(client, "secretaria", "secretaria-demo").status_code == 302


def test_failures_are_logged_without_the_account_name_or_address(client, caplog):
    with caplog.at_level(logging.INFO):
        _attempt(client, "secretaria", "wrong", address="203.0.113.77")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Failed sign-in attempt" in logged
    assert "secretaria" not in logged and "203.0.113.77" not in logged
