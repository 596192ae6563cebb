"""The news index, news pages, bulletins and the agenda as visitors see them."""

import re

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model

from news.models import (
    BulletinPage,
    EventDocument,
    EventPage,
    NewsPage,
    NewsPageTopic,
    WorkPlanPage,
)
from taxonomy.models import Topic

from .conftest import add_event, add_news, locale, madrid

pytestmark = pytest.mark.django_db


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_news_index_filters_by_category(client, news_index):
    add_news(news_index, "A press release", category="press")
    html = get_html(client, f"{news_index.url}?category=press")
    assert "A press release" in html
    assert "Publicat el pla de treball 2022" not in html
    assert 'aria-current="page">Nota de premsa' in html


def test_the_bulletin_category_lists_bulletins(client, news_index):
    html = get_html(client, f"{news_index.url}?category=bulletin")
    assert BulletinPage.objects.get(locale=news_index.locale).title in html


def test_the_pages_of_a_category_keep_the_category(client, news_index):
    for number in range(13):
        add_news(news_index, f"Press release {number}", category="press")
    html = get_html(client, f"{news_index.url}?category=press")
    assert 'href="?category=press&amp;page=2" rel="next"' in html


def test_an_unknown_category_is_a_404_not_an_error(client, news_index):
    assert client.get(f"{news_index.url}?category=nonsense").status_code == 404


def test_a_page_number_out_of_range_shows_the_last_page(client, news_index):
    assert client.get(f"{news_index.url}?page=999").status_code == 200
    assert client.get(f"{news_index.url}?page=abc").status_code == 200


def test_a_news_item_cannot_claim_the_bulletin_category(news_index):
    page = NewsPage(title="Fake bulletin", slug="fake", lead="x", category="bulletin")
    with pytest.raises(ValidationError):
        page.clean()


def test_a_news_page_shows_its_date_lead_group_and_tags(client):
    page = NewsPage.objects.get(
        locale__language_code="en", related_group__isnull=False, slug__contains="housing"
    )
    html = get_html(client, page.url)
    assert page.lead in html.replace("&#x27;", "'")
    assert "Housing cooperatives" in html  # the group, in English
    assert "habitatge" in html  # a free tag
    assert 'datetime="2022-03-10"' in html


def test_a_news_page_shows_its_topics_in_the_page_language(client, news_index):
    topic, _ = Topic.objects.get_or_create(
        slug="habitatge-prova", locale=news_index.locale, defaults={"name": "Habitatge (prova)"}
    )
    english = topic.copy_for_translation(locale("en"))
    english.name = "Housing (test)"
    english.save()
    page = add_news(news_index, "News with a topic", topics=[NewsPageTopic(topic=topic)])
    assert "Habitatge (prova)" in get_html(client, page.url)
    with_english = page.copy_for_translation(english.locale)
    with_english.save_revision().publish()
    assert "Housing (test)" in get_html(client, with_english.url)


def test_the_bulletin_gathers_its_news_and_events_on_the_web(client):
    bulletin = BulletinPage.objects.get(locale__language_code="es")
    html = get_html(client, bulletin.url)
    assert "Publicado el plan de trabajo 2022" in html
    assert "Encuentro plenario de Grupos de trabajo 2022" in html
    assert f'href="{bulletin.url}email/"' in html


def test_the_bulletin_email_uses_tables_inline_styles_and_absolute_links(client):
    bulletin = BulletinPage.objects.get(locale__language_code="en")
    html = get_html(client, f"{bulletin.url}email/")
    assert html.startswith("<!DOCTYPE html>")
    assert '<table role="presentation"' in html
    assert 'style="' in html
    assert "<script" not in html and "<link" not in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs and all(href.startswith(("http://testserver/", "mailto:")) for href in hrefs)
    assert "The 2022 work plan is published" in html
    assert 'lang="en"' in html


@pytest.mark.parametrize(
    "page_getter",
    [
        lambda: NewsPage.objects.filter(locale__language_code="ca").first().get_parent(),
        lambda: NewsPage.objects.filter(locale__language_code="ca", category="news").first(),
        lambda: BulletinPage.objects.get(locale__language_code="ca"),
        lambda: EventPage.objects.filter(locale__language_code="ca").first().get_parent(),
        lambda: EventPage.objects.filter(locale__language_code="ca").first(),
        lambda: WorkPlanPage.objects.get(locale__language_code="ca"),
    ],
    ids=["index", "news", "bulletin", "agenda", "event", "work-plan"],
)
def test_web_pages_have_no_inline_styles_or_scripts(client, page_getter):
    html = get_html(client, page_getter().url)
    assert " style=" not in html
    assert "<script>" not in html and " onclick=" not in html


def test_the_agenda_groups_upcoming_and_past_events_by_month(client, agenda):
    add_event(agenda, "Upcoming online committee", start=madrid(2031, 3, 6, 18))
    html = get_html(client, agenda.url)
    upcoming, past = html.split('id="past-heading"')
    assert "Upcoming online committee" in upcoming
    assert 'id="upcoming-2031-03"' in upcoming
    assert "Trobada plenària de Grups de treball 2022" in past
    assert 'id="past-2022-02"' in past
    assert past.index("past-2022-10") < past.index("past-2022-02")  # most recent first


def test_past_events_are_paginated(client, agenda):
    for day in range(1, 26):
        add_event(agenda, f"Old meeting {day}", start=madrid(2019, 1, day, 10))
    first = get_html(client, agenda.url)
    second = get_html(client, f"{agenda.url}?page=2")
    assert 'rel="next"' in first
    assert "Old meeting 1<" in second
    assert "Old meeting 1<" not in first


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        get_html(client, url)
    return len(queries)


def test_the_news_index_queries_do_not_grow_with_items(
    client, news_index, housing_group, django_capture_on_commit_callbacks
):
    before = count_queries(client, news_index.url)
    with django_capture_on_commit_callbacks(execute=True):  # committed, as a publish is
        for number in range(6):
            add_news(news_index, f"More news {number}", related_group=housing_group)
    assert count_queries(client, news_index.url) <= before


def test_the_agenda_queries_do_not_grow_with_events(client, agenda, housing_group):
    add_event(
        agenda, "First upcoming", start=madrid(2031, 3, 6, 18), organising_group=housing_group
    )
    before = count_queries(client, agenda.url)
    for number in range(6):
        add_event(
            agenda,
            f"Upcoming {number}",
            start=madrid(2031, 4, 6 + number, 18),
            organising_group=housing_group,
        )
        add_event(
            agenda,
            f"Past {number}",
            start=madrid(2020, 4, 6 + number, 18),
            organising_group=housing_group,
        )
    assert count_queries(client, agenda.url) <= before


def test_an_event_page_shows_format_place_links_and_its_group(client, agenda, housing_group):
    event = add_event(
        agenda,
        "Hybrid workshop",
        start=madrid(2031, 5, 15, 10),
        end=madrid(2031, 5, 15, 12),
        format="hybrid",
        place="Sala d'actes, Manresa",
        online_url="https://meet.example/x",
        registration_url="https://forms.example/x",
        organising_group=housing_group,
    )
    html = get_html(client, event.url)
    assert "Híbrid (presencial i en línia)" in html
    assert "Manresa" in html
    assert 'href="https://meet.example/x"' in html and 'href="https://forms.example/x"' in html
    assert housing_group.title in html
    assert f'href="{event.url}ics/"' in html


def test_materials_and_minutes_appear_after_the_event(client, agenda):
    document = get_document_model().objects.create(
        title="Acta de la reunió", file=ContentFile(b"minutes", name="acta.txt")
    )
    event = add_event(
        agenda,
        "Past meeting",
        start=madrid(2022, 5, 5, 10),
        documents=[EventDocument(document=document, kind="minutes")],
    )
    html = get_html(client, event.url)
    assert "Acta de la reunió" in html
    assert "Actes" in html or "Acta" in html


def test_the_home_page_shows_the_latest_news_and_next_events(client, agenda):
    add_event(agenda, "Next committee", start=madrid(2031, 3, 6, 18))
    html = get_html(client, "/ca/")
    assert "Publicat el pla de treball 2022" in html or "La XMESS participa a la FESC" in html
    assert "Next committee" in html


def test_the_demo_puts_news_and_agenda_in_the_menu(client):
    html = get_html(client, "/ca/")
    assert 'href="/ca/noticies/"' in html and 'href="/ca/agenda/"' in html


def test_only_the_bulletin_email_allows_inline_styles(client):
    bulletin = BulletinPage.objects.get(locale__language_code="ca")
    email_policy = client.get(f"{bulletin.url}email/").get("Content-Security-Policy")
    web_policy = client.get(bulletin.url).get("Content-Security-Policy")
    assert email_policy and web_policy, "every public page carries a Content-Security-Policy"
    assert "style-src" in email_policy and "style-src" in web_policy
    assert "'unsafe-inline'" in email_policy.split("style-src")[1].split(";")[0]
    assert "'unsafe-inline'" not in web_policy


def test_a_news_items_badge_names_one_item_beside_the_plural_heading(client, news_index):
    # "News" is also the plural heading ("Notícies"); the badge sits beside "Nota de premsa".
    add_news(news_index, "A single news item", category="news")
    html = get_html(client, f"{news_index.url}?category=news")
    assert '<span class="badge">Notícia</span>' in html
    assert '<span class="badge">Notícies</span>' not in html
