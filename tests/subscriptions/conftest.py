"""Fixtures for subscriptions: a real SMTP server, the demo's bulletins, subscribers."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from news.models import BulletinPage
from subscriptions.models import Subscriber, SubscriberState


@pytest.fixture
def mailbox(mailbox, settings):
    """The suite's mailbox (``tests/conftest.py``), with sends retried at once."""
    settings.SUBSCRIPTIONS_RETRY_DELAYS = [0, 0]
    return mailbox


@pytest.fixture
def bulletins(db):
    """The demo bulletin in each language, keyed by language code."""
    return {
        page.locale.language_code: page
        for page in BulletinPage.objects.live().select_related("locale")
    }


@pytest.fixture
def make_subscriber(db):
    def make(email, language="ca", state=SubscriberState.CONFIRMED, bulletin=True, groups=()):
        subscriber = Subscriber.objects.create(
            email=email,
            language=language,
            state=state,
            bulletin=bulletin,
            confirmed_at=timezone.now() if state == SubscriberState.CONFIRMED else None,
        )
        subscriber.groups.set(groups)
        return subscriber

    return make


def _logged_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def secretariat_client(client, db):
    return _logged_in(client, "secretaria")


@pytest.fixture
def coordinator_client(client, db):
    return _logged_in(client, "coord-habitatge")


def link_in(text, name):
    """The first link to ``/<lang>/subscriptions/<name>/…`` in a text."""
    match = re.search(rf"https?://\S+/subscriptions/{name}/\S+/", text)
    assert match, text
    return match.group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def next_bulletin(bulletin, title="Butlletí següent"):
    """A new published bulletin beside ``bulletin``, in its language."""
    page = BulletinPage(
        title=title,
        lead="Un altre butlletí d'exemple.",
        period_start=bulletin.period_end,
        period_end=bulletin.period_end,
    )
    bulletin.get_parent().add_child(instance=page)
    page.save_revision().publish()
    return page
