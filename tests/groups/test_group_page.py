"""A working group's public page: who takes part and what the group publishes, in every language."""

import pytest

from .conftest import GROUP_A, group_page

pytestmark = pytest.mark.django_db


def public_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_group_page_renders_in_every_language(client, language):
    page = group_page(GROUP_A, language)
    html = public_html(client, page)
    assert f"<h1>{page.title}</h1>" in html
    assert (
        'id="group-products"' in html and 'id="group-events"' in html and 'id="group-news"' in html
    )


def test_the_group_page_lists_live_products_and_never_drafts(client, sections, users):
    sections["group_a"].add("Guia publicada de prova", "guia-publicada", live=True)
    sections["group_a"].add("Guia en esborrany de prova", "guia-esborrany")
    html = public_html(client, group_page(GROUP_A))
    products = html.split('id="group-products"')[1].split("</section>")[0]
    assert "Guia publicada de prova" in products
    assert "Guia en esborrany de prova" not in html
    assert "Exemple: fitxa sobre la cessió" not in html  # the demo item still in review


def test_the_group_page_names_coordinators_without_contact_details(client):
    html = public_html(client, group_page(GROUP_A))
    assert "Laia Ferrer" in html
    assert (
        "coord-habitatge@xmess.example" not in html
        and "coord-habitatge" not in html.split("<main")[1]
    )


def test_the_group_page_lists_participating_municipalities_and_partners(client, users):
    page = group_page(GROUP_A)
    page.participating_municipalities = "Ajuntament d'exemple A\nAjuntament d'exemple B\n"
    page.save_revision(user=users["secretariat"]).publish()
    html = public_html(client, group_page(GROUP_A))
    assert (
        "<li>Ajuntament d&#x27;exemple A</li>" in html
        and "<li>Ajuntament d&#x27;exemple B</li>" in html
    )
    assert "Federació de Cooperatives d&#x27;Habitatge de Catalunya" in html


def test_the_group_page_advertises_its_news_feeds(client):
    page = group_page(GROUP_A)
    html = public_html(client, page)
    assert f'href="/ca/feeds/groups/{page.pk}/news/rss/"' in html


def test_the_group_page_uses_no_inline_scripts_or_styles(client):
    html = public_html(client, group_page(GROUP_A))
    main = html.split("<main")[1].split("</main>")[0]
    assert "<script" not in main and "style=" not in main and " onclick=" not in main


def test_the_group_page_lists_the_group_news_and_upcoming_events_only(client, users):
    from datetime import timedelta

    from django.utils import timezone

    from news.models import AgendaPage, EventPage, NewsIndexPage, NewsPage

    group, other = group_page(GROUP_A), group_page("politiques-de-cures")
    news_index = NewsIndexPage.objects.get(locale__language_code="ca")
    agenda = AgendaPage.objects.get(locale__language_code="ca")
    for title, slug, related in (
        ("Notícia del grup de prova", "noticia-grup", group),
        ("Notícia d'un altre grup", "noticia-altre", other),
    ):
        item = NewsPage(title=title, slug=slug, lead="Entradeta.", related_group=related)
        news_index.add_child(instance=item)
        item.save_revision().publish()
    soon = timezone.now() + timedelta(days=3)
    for title, slug, start in (
        ("Reunió propera de prova", "reunio-propera", soon),
        ("Reunió passada de prova", "reunio-passada", soon - timedelta(days=30)),
    ):
        event = EventPage(
            title=title, slug=slug, start=start, lead="Entradeta.", organising_group=group
        )
        agenda.add_child(instance=event)
        event.save_revision().publish()

    html = public_html(client, group_page(GROUP_A))
    events = html.split('id="group-events"')[1].split("</section>")[0]
    news = html.split('id="group-news"')[1].split("</section>")[0]
    assert "Reunió propera de prova" in events and "Reunió passada de prova" not in events
    assert "Notícia del grup de prova" in news and "altre grup" not in news
