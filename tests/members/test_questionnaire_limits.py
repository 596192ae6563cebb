"""Long answers get the form back with a message, never a bare 400 (operations.form_limits)."""

from urllib.parse import urlencode

import pytest

from members.forms import MAX_TEXT_ANSWER_LENGTH
from members.models import NeedsResponse

pytestmark = pytest.mark.django_db


def test_free_text_fields_tell_the_browser_their_length(client, questionnaire_pages):
    html = client.get(questionnaire_pages["ca"].url).content.decode()
    assert html.count(f'maxlength="{MAX_TEXT_ANSWER_LENGTH}"') == 3


def test_a_text_over_the_length_comes_back_with_everything_typed(
    client, questionnaire_pages, valid_answer
):
    long_text = "Necessitem suport. " * 600
    response = client.post(
        questionnaire_pages["ca"].url, {**valid_answer, "needs_description": long_text}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Ajuntament de Prova"' in html and "Necessitem suport." in html
    assert not NeedsResponse.objects.filter(organisation_name="Ajuntament de Prova").exists()


def test_a_body_over_djangos_limit_gets_the_form_back_with_a_message(
    client, questionnaire_pages, valid_answer, settings
):
    page = questionnaire_pages["ca"]
    body = urlencode({**valid_answer, "needs_description": "x" * 3_000_000}, doseq=True)
    assert len(body) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.post(page.url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    html = response.content.decode()
    assert 'name="organisation_name"' in html
    assert "massa llarg" in html or "too long" in html
    assert not NeedsResponse.objects.filter(organisation_name="Ajuntament de Prova").exists()
