"""The questionnaire keeps bots out without losing what people type (members.guard)."""

import pytest

from members.models import NeedsResponse

pytestmark = pytest.mark.django_db


def test_the_trap_field_is_out_of_sight_and_out_of_the_tab_order(client, questionnaire_pages):
    html = client.get(questionnaire_pages["ca"].url).content.decode()
    trap = html[html.index('class="questionnaire__trap"') :]
    assert trap.startswith('class="questionnaire__trap" aria-hidden="true"')
    field = trap[: trap.index("</div>")]
    assert 'name="leave_empty"' in field and 'tabindex="-1"' in field


def test_an_answer_that_fills_the_trap_is_thanked_and_kept_nowhere(
    client, questionnaire_pages, valid_answer
):
    page = questionnaire_pages["ca"]
    response = client.post(page.url, {**valid_answer, "leave_empty": "http://spam.example"})
    assert response.status_code == 302 and response["Location"] == page.url + "?sent=1"
    assert not NeedsResponse.objects.filter(organisation_name="Ajuntament de Prova").exists()


def test_answers_past_the_hourly_limit_get_a_429_and_keep_what_was_typed(
    client, questionnaire_pages, valid_answer, settings
):
    settings.QUESTIONNAIRE_MAX_PER_ADDRESS = 2
    page = questionnaire_pages["ca"]
    assert [client.post(page.url, valid_answer).status_code for _ in range(2)] == [302, 302]
    refused = client.post(page.url, {**valid_answer, "needs_description": "Tercera resposta"})
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Tercera resposta" in html and 'value="Ajuntament de Prova"' in html
    assert NeedsResponse.objects.filter(organisation_name="Ajuntament de Prova").count() == 2


def test_answers_refused_for_errors_do_not_count_towards_the_limit(
    client, questionnaire_pages, valid_answer, settings
):
    settings.QUESTIONNAIRE_MAX_PER_ADDRESS = 1
    page = questionnaire_pages["ca"]
    for _ in range(3):
        assert client.post(page.url, {**valid_answer, "consent": ""}).status_code == 400
    assert client.post(page.url, valid_answer).status_code == 302


def test_the_limit_counts_each_client_address_apart(
    client, questionnaire_pages, valid_answer, settings
):
    settings.QUESTIONNAIRE_MAX_PER_ADDRESS = 1
    page = questionnaire_pages["ca"]
    assert client.post(page.url, valid_answer, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert client.post(page.url, valid_answer, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(page.url, valid_answer, REMOTE_ADDR="192.0.2.2").status_code == 302
