"""Fixtures for the members app: the demo's pages and accounts, and a valid questionnaire answer."""

import datetime

import pytest

from members.models import MemberDirectoryPage, NeedsQuestionnairePage


def _by_language(model):
    return {
        page.locale.language_code: page for page in model.objects.live().select_related("locale")
    }


@pytest.fixture
def questionnaire_pages(db):
    return _by_language(NeedsQuestionnairePage)


@pytest.fixture
def directory_pages(db):
    return _by_language(MemberDirectoryPage)


def _logged_in(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def secretariat_client(client, db):
    return _logged_in(client, "secretaria")


@pytest.fixture
def coordinator_client(client, db):
    return _logged_in(client, "coord-habitatge")


@pytest.fixture
def valid_answer():
    """A complete questionnaire submission, as the browser posts it."""
    year = datetime.date.today().year
    return {
        "organisation_name": "Ajuntament de Prova",
        "county": "Garrotxa",
        "year": str(year),
        "respondent_name": "Núria Prova",
        "respondent_role": "Tècnica",
        "respondent_email": "nuria@example.org",
        "areas": ["climate", "digitalisation"],
        "needs_description": "Volem una comunitat energètica.",
        "workshop_topics": ["climate"],
        "other_workshop_topics": "",
        "fee_questions": "Quan es paga la quota?",
        "consent": "on",
        "hiring-TOTAL_FORMS": "3",
        "hiring-INITIAL_FORMS": "0",
        "hiring-MIN_NUM_FORMS": "0",
        "hiring-MAX_NUM_FORMS": "12",
        "hiring-0-sector": "energy",
        "hiring-0-year": str(year),
        "hiring-0-contracts": "2",
        "hiring-0-estimated_amount": "80000",
        "hiring-1-sector": "",
        "hiring-1-year": "",
        "hiring-1-contracts": "",
        "hiring-1-estimated_amount": "",
        "hiring-2-sector": "",
        "hiring-2-year": "",
        "hiring-2-contracts": "",
        "hiring-2-estimated_amount": "",
    }
