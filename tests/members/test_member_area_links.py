"""The needs questionnaire is linked from the home page and from the footer's member area."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_home_page_links_to_the_questionnaire_of_its_language(
    client, home_pages, questionnaire_pages, language
):
    html = client.get(home_pages[language].url).content.decode()
    assert 'class="home-members"' in html
    assert f'class="button" href="{questionnaire_pages[language].url}"' in html


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_every_pages_footer_links_to_the_member_area(
    client, home_pages, questionnaire_pages, directory_pages, language
):
    html = client.get(home_pages[language].url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'id="footer-members"' in footer
    assert f'href="{questionnaire_pages[language].url}"' in footer
    assert f'href="{directory_pages[language].url}"' in footer
    # The subscription link added to the footer earlier stays.
    assert 'class="site-footer__subscribe"' in footer


def test_an_unpublished_questionnaire_is_not_linked(client, home_pages, questionnaire_pages):
    questionnaire = questionnaire_pages["ca"]
    html = client.get(home_pages["ca"].url).content.decode()
    assert questionnaire.url in html
    questionnaire.unpublish()
    html = client.get(home_pages["ca"].url).content.decode()
    assert 'class="home-members"' not in html
    assert f'href="{questionnaire.url}"' not in html
