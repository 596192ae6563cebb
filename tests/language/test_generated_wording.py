"""Strings the site builds around a name put "de"/"d'" before it as Catalan says it."""

import pytest

from django.utils import translation

from wagtail.models import Locale

from groups.models import WorkingGroupPage
from news.templatetags.news_tags import feed_links

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ca", "Notícies d'Habitatge cooperatiu (RSS)"),
        ("es", "Noticias de Vivienda cooperativa (RSS)"),
        ("en", "News of Housing cooperatives (RSS)"),
    ],
)
def test_a_groups_feed_is_named_with_the_languages_preposition(language, expected):
    source = WorkingGroupPage.objects.get(slug="habitatge-cooperatiu", locale__language_code="ca")
    group = source.get_translation(Locale.objects.get(language_code=language))
    with translation.override(language):
        titles = [title for _type, title, _url in feed_links(group)]
    assert expected in titles, titles


def test_the_group_page_advertises_its_feed_with_the_elided_name(client):
    html = client.get("/ca/grups-de-treball/habitatge-cooperatiu/").content.decode()
    assert 'title="Notícies d&#x27;Habitatge cooperatiu (RSS)"' in html or (
        "Notícies d'Habitatge cooperatiu (RSS)" in html
    )
