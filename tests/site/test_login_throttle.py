"""One sign-in guard on every way to prove who you are (operations.login_throttle).

Every test first shows the right secret working, then that the guard stops guessing.
"""

import logging

import pytest

from django.contrib.auth.backends import ModelBackend
from django.core import mail
from django.core.cache import caches
from django.test import Client

from wagtail.models import Page, PageViewRestriction

from operations.models import AttemptCounter

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
FRONT_END_LOGIN = "/ca/_util/login/"
PASSWORD_RESET = "/admin/password_reset/"
ATTACKER = "203.0.113.7"
OWNER = "198.51.100.20"


def _sign_in(client, username, password, address=ATTACKER, path=ADMIN_LOGIN):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail_until_paused(settings, address=ATTACKER, username="secretaria", path=ADMIN_LOGIN):
    for _ in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS):
        assert _sign_in(Client(), username, "wrong", address, path).status_code == 200


@pytest.fixture
def protected_page():
    page = Page.objects.get(locale__language_code="ca", slug="qui-som")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="clau-correcta"
    )
    url = f"/ca/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return url, page.url


def _page_password(client, protected_page, password, address=ATTACKER):
    url, return_url = protected_page
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)


@pytest.mark.parametrize("path", [ADMIN_LOGIN, FRONT_END_LOGIN])
def test_the_right_password_signs_in_on_both_sign_in_forms(client, path):
    assert _sign_in(client, "secretaria", "secretaria-demo", path=path).status_code == 302


@pytest.mark.parametrize("path", [ADMIN_LOGIN, FRONT_END_LOGIN])
def test_both_sign_in_forms_stop_guessing_from_one_address(client, settings, path):
    _fail_until_paused(settings, path=path)
    response = _sign_in(client, "secretaria", "secretaria-demo", path=path)
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode() or "intents" in (
        response.content.decode()
    )
    assert 0 < int(response["Retry-After"]) <= settings.LOGIN_THROTTLE_WINDOW_SECONDS


def test_guesses_on_one_form_count_on_the_other(client, settings):
    _fail_until_paused(settings, path=FRONT_END_LOGIN)
    assert _sign_in(client, "secretaria", "secretaria-demo").status_code == 429


def test_a_locked_out_attacker_does_not_lock_out_the_owner_on_another_address(client, settings):
    _fail_until_paused(settings)
    assert _sign_in(Client(), "secretaria", "secretaria-demo").status_code == 429
    assert _sign_in(client, "secretaria", "secretaria-demo", address=OWNER).status_code == 302


def test_case_and_padding_variants_of_a_name_share_one_count(client, settings):
    for variant in [
        "secretaria",
        "Secretaria",
        " SECRETARIA ",
        "secretaria\t",
        "ＳＥＣＲＥＴＡＲＩＡ",
    ]:
        _sign_in(Client(), variant, "wrong")
    assert _sign_in(client, "secretaria", "secretaria-demo").status_code == 429


def test_a_guess_spread_over_many_addresses_does_not_lock_out_a_browser_that_signed_in_before(
    client, settings
):
    settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT = 6
    cookie = settings.LOGIN_THROTTLE_DEVICE_COOKIE_NAME
    browser = Client()
    assert _sign_in(browser, "secretaria", "secretaria-demo", address=OWNER).status_code == 302
    owner = Client()  # The same browser after signing out: no session, its device cookie kept.
    owner.cookies[cookie] = browser.cookies[cookie].value
    for number in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT):
        _sign_in(Client(), "secretaria", "wrong", address=f"203.0.113.{100 + number}")
    # A browser that never signed in to the account waits; the owner's own browser does not.
    assert _sign_in(client, "secretaria", "secretaria-demo", address=OWNER).status_code == 429
    assert _sign_in(owner, "secretaria", "secretaria-demo", address=OWNER).status_code == 302


def test_a_forged_device_cookie_earns_no_trust(client, settings):
    settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT = 2
    for number in range(2):
        _sign_in(Client(), "secretaria", "wrong", address=f"203.0.113.{100 + number}")
    client.cookies[settings.LOGIN_THROTTLE_DEVICE_COOKIE_NAME] = "forged:value"
    assert _sign_in(client, "secretaria", "secretaria-demo", address=OWNER).status_code == 429


def test_an_address_is_paused_after_too_many_failures_on_any_accounts(client, settings):
    for number in range(settings.LOGIN_THROTTLE_MAX_PER_ADDRESS):
        _sign_in(Client(), f"nobody-{number}", "wrong")
    assert _sign_in(client, "coord-cures", "cures-demo").status_code == 429
    assert _sign_in(client, "coord-cures", "cures-demo", address=OWNER).status_code == 302


def test_a_successful_sign_in_clears_the_count_of_its_account_and_address(client, settings):
    for _ in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS - 1):
        _sign_in(Client(), "secretaria", "wrong")
    assert _sign_in(client, "secretaria", "secretaria-demo").status_code == 302
    client.logout()
    assert _sign_in(Client(), "secretaria", "wrong").status_code == 200
    assert _sign_in(client, "secretaria", "secretaria-demo").status_code == 302


def test_concurrent_guesses_never_exceed_the_limit(settings, monkeypatch):
    """Thirty guesses all in flight before the first is evaluated: each request reserves its
    attempt before its password is checked, so at most the limit are ever checked."""
    original = ModelBackend.authenticate
    pending = list(range(29))
    evaluated = []
    statuses = []

    def authenticate_while_the_others_arrive(self, request, username=None, password=None, **kw):
        evaluated.append(username)
        while pending:
            pending.pop()
            statuses.append(_sign_in(Client(), "secretaria", "wrong").status_code)
        return original(self, request, username=username, password=password, **kw)

    monkeypatch.setattr(ModelBackend, "authenticate", authenticate_while_the_others_arrive)
    statuses.append(_sign_in(Client(), "secretaria", "wrong").status_code)
    assert len(statuses) == 30
    assert len(evaluated) == settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS
    assert statuses.count(429) == 30 - len(evaluated)


def test_page_passwords_open_the_page_then_stop_guessing(client, settings, protected_page):
    assert _page_password(Client(), protected_page, "clau-correcta").status_code == 302
    for _ in range(settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS):
        assert _page_password(Client(), protected_page, "wrong").status_code == 200
    assert _page_password(client, protected_page, "clau-correcta").status_code == 429
    assert _page_password(client, protected_page, "clau-correcta", OWNER).status_code == 302


def _ask_for_a_reset(client, email="Secretaria@xmess.example ", address=ATTACKER):
    return client.post(PASSWORD_RESET, {"email": email}, REMOTE_ADDR=address).status_code


def test_password_reset_emails_are_limited_per_address_and_account(client, settings):
    limit = settings.LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS
    assert _ask_for_a_reset(client, "secretaria@xmess.example") == 302
    assert len(mail.outbox) == 1
    for _ in range(limit - 1):
        assert _ask_for_a_reset(Client()) == 302
    assert _ask_for_a_reset(client, "secretaria@xmess.example") == 429
    assert len(mail.outbox) <= limit
    assert _ask_for_a_reset(client, "secretaria@xmess.example", OWNER) == 302


def test_the_counts_live_apart_from_the_page_cache(client, settings):
    _fail_until_paused(settings)
    assert AttemptCounter.objects.exists()
    caches[settings.PAGE_CACHE_ALIAS].clear()
    assert _sign_in(client, "secretaria", "secretaria-demo").status_code == 429


def test_counts_hold_no_name_or_address_in_clear(settings):
    _fail_until_paused(settings)
    stored = " ".join(AttemptCounter.objects.values_list("key", flat=True))
    assert stored
    assert "secretaria" not in stored and ATTACKER not in stored


def test_failures_are_logged_without_the_account_name_or_address(client, caplog):
    with caplog.at_level(logging.INFO):
        _sign_in(client, "secretaria", "wrong", address="203.0.113.77")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Failed sign-in attempt" in logged
    assert "secretaria" not in logged and "203.0.113.77" not in logged
