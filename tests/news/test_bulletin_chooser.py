"""A bulletin's page choosers open where the pages are: the news index and the agenda."""

import re

import pytest

from django.contrib.auth import get_user_model

from news.models import AgendaPage, BulletinPage, NewsIndexPage

pytestmark = pytest.mark.django_db

PARENT_ID = re.compile(r'"parentId": (\d+)')


@pytest.fixture
def secretariat(client):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    return client


@pytest.mark.parametrize("language", ["ca", "es"])
def test_a_new_bulletins_choosers_open_on_the_news_index_and_the_agenda(secretariat, language):
    news_index = NewsIndexPage.objects.get(locale__language_code=language)
    agenda = AgendaPage.objects.get(locale__language_code=language)
    html = secretariat.get(f"/admin/pages/add/news/bulletinpage/{news_index.pk}/").content
    starts = {int(found) for found in PARENT_ID.findall(html.decode())}
    assert starts == {news_index.pk, agenda.pk}


def test_an_existing_bulletins_empty_rows_open_on_the_news_index(secretariat):
    bulletin = BulletinPage.objects.filter(locale__language_code="ca").first()
    html = secretariat.get(f"/admin/pages/{bulletin.pk}/edit/").content.decode()
    news_index = NewsIndexPage.objects.get(locale__language_code="ca")
    assert str(news_index.pk) in PARENT_ID.findall(html)
