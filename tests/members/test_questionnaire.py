"""A member answers the needs questionnaire on the public site, in any of the three languages."""

import pytest

from django.test import Client

from members.models import NeedsResponse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_a_member_sends_the_questionnaire_in_each_language(
    client, questionnaire_pages, valid_answer, language
):
    page = questionnaire_pages[language]
    response = client.post(page.url, valid_answer)
    assert response.status_code == 302
    assert response["Location"] == page.url + "?sent=1"
    saved = NeedsResponse.objects.get(organisation_name="Ajuntament de Prova")
    assert sorted(saved.areas.values_list("area", flat=True)) == ["climate", "digitalisation"]
    assert list(saved.expected_hiring.values_list("sector", "contracts")) == [("energy", 2)]
    assert list(saved.workshop_topics.values_list("topic", flat=True)) == ["climate"]
    assert saved.consent_given_at is not None


def test_the_thank_you_message_follows_a_sent_answer(client, questionnaire_pages):
    response = client.get(questionnaire_pages["en"].url + "?sent=1")
    assert "your answers have been sent" in response.content.decode()


def test_the_redirect_after_sending_carries_no_personal_data(
    client, questionnaire_pages, valid_answer
):
    response = client.post(questionnaire_pages["ca"].url, valid_answer)
    assert "nuria" not in response["Location"].lower()
    assert "Prova" not in response["Location"]


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("ca", "Àrees en què necessiteu suport"),
        ("es", "Áreas en las que necesitáis apoyo"),
        ("en", "Areas in which you need support"),
    ],
)
def test_the_form_labels_are_in_the_page_language(client, questionnaire_pages, language, label):
    response = client.get(questionnaire_pages[language].url)
    assert response.status_code == 200
    assert label in response.content.decode()


def test_an_answer_from_a_known_member_is_linked_to_it(client, questionnaire_pages, valid_answer):
    valid_answer["organisation_name"] = "ajuntament d'exemple del bages"
    client.post(questionnaire_pages["ca"].url, valid_answer)
    saved = NeedsResponse.objects.latest("submitted_at")
    assert saved.member is not None and saved.member.name == "Ajuntament d'exemple del Bages"


def test_a_missing_email_is_refused_with_a_message_and_keeps_what_was_typed(
    client, questionnaire_pages, valid_answer
):
    valid_answer["respondent_email"] = ""
    response = client.post(questionnaire_pages["en"].url, valid_answer)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Write an email address so that we can answer you." in html
    assert 'value="Núria Prova"' in html
    assert "Volem una comunitat energètica." in html
    assert 'value="climate" id="id_areas_' in html and "checked" in html
    assert 'aria-invalid="true"' in html
    assert not NeedsResponse.objects.filter(organisation_name="Ajuntament de Prova").exists()


def test_an_answer_without_consent_is_refused(client, questionnaire_pages, valid_answer):
    del valid_answer["consent"]
    response = client.post(questionnaire_pages["ca"].url, valid_answer)
    assert response.status_code == 400
    assert "Marqueu la casella" in response.content.decode()
    assert not NeedsResponse.objects.filter(organisation_name="Ajuntament de Prova").exists()


def test_an_answer_without_any_area_is_refused(client, questionnaire_pages, valid_answer):
    del valid_answer["areas"]
    response = client.post(questionnaire_pages["es"].url, valid_answer)
    assert response.status_code == 400
    assert "Elegid al menos un área de necesidad." in response.content.decode()


def test_a_half_filled_hiring_row_is_refused_and_kept(client, questionnaire_pages, valid_answer):
    valid_answer["hiring-1-sector"] = "catering"
    response = client.post(questionnaire_pages["en"].url, valid_answer)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Write how many contracts you expect." in html
    assert '<option value="catering" selected>' in html


def test_an_invalid_year_or_county_is_refused_not_a_server_error(
    client, questionnaire_pages, valid_answer
):
    valid_answer["year"] = "1850"
    valid_answer["county"] = "Atlantis"
    valid_answer["hiring-0-contracts"] = "-3"
    response = client.post(questionnaire_pages["en"].url, valid_answer)
    assert response.status_code == 400
    assert response.content.decode().count('class="errorlist"') >= 3


def test_a_tampered_formset_is_refused_not_a_server_error(
    client, questionnaire_pages, valid_answer
):
    del valid_answer["hiring-TOTAL_FORMS"]
    response = client.post(questionnaire_pages["en"].url, valid_answer)
    assert response.status_code == 400


def test_sending_without_a_csrf_token_is_refused(questionnaire_pages, valid_answer):
    response = Client(enforce_csrf_checks=True).post(questionnaire_pages["ca"].url, valid_answer)
    assert response.status_code == 403


def test_the_form_carries_a_csrf_token_and_works_without_javascript(client, questionnaire_pages):
    html = client.get(questionnaire_pages["ca"].url).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert "<script" not in html.split("<main", 1)[1]
    assert 'method="post"' in html


def test_the_questionnaire_is_never_cached(client, questionnaire_pages):
    response = client.get(questionnaire_pages["ca"].url)
    assert "no-store" in response["Cache-Control"]
