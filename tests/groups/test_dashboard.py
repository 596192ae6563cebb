"""The coordinators' dashboard panel: drafts, items in review, recent rejections and comments."""

import html
import re

import pytest

from django.urls import reverse

from .conftest import GROUP_A, group_page, submit

pytestmark = pytest.mark.django_db

PANEL_HEADING = "Grup de treball: "  # the admin speaks Catalan unless one chooses otherwise


def dashboard(client, user):
    client.force_login(user)
    return html.unescape(client.get(reverse("wagtailadmin_home")).content.decode())


def test_a_coordinator_sees_the_group_drafts_and_items_in_review(client, users, sections):
    sections["group_a"].add(
        "Esborrany pendent d'enviar", "esborrany-pendent", owner=users["coordinator_a"]
    )
    submitted = sections["group_a"].add(
        "Guia enviada a revisió", "guia-enviada", owner=users["coordinator_a"]
    )
    submit(submitted, users["coordinator_a"])
    page = dashboard(client, users["coordinator_a"])
    drafts = page.split('class="working-group-drafts"')[1].split("</ul>")[0]
    in_review = page.split('class="working-group-in-review"')[1].split("</ul>")[0]
    assert "Esborrany pendent d'enviar" in drafts and "Guia enviada a revisió" not in drafts
    assert "Guia enviada a revisió" in in_review
    assert "Exemple: fitxa sobre la cessió d'ús per a ajuntaments" in in_review


def test_the_group_news_items_are_listed_with_the_section_pages(client, users, sections):
    # News items live under the news index, not in the section: they name their group.
    sections["news_of_group_a"].add(
        "Notícia del grup en esborrany", "noticia-esborrany", owner=users["coordinator_a"]
    )
    submitted = sections["news_of_group_a"].add(
        "Notícia del grup enviada", "noticia-enviada", owner=users["coordinator_a"]
    )
    submit(submitted, users["coordinator_a"])
    sections["news"].add("Notícia de ningú", "noticia-de-ningu")
    page = dashboard(client, users["coordinator_a"])
    drafts = page.split('class="working-group-drafts"')[1].split("</ul>")[0]
    in_review = page.split('class="working-group-in-review"')[1].split("</ul>")[0]
    assert "Notícia del grup en esborrany" in drafts
    assert "Notícia del grup enviada" in in_review
    assert "Notícia de ningú" not in page
    assert "Notícia del grup" not in dashboard(client, users["coordinator_b"])


def test_a_draft_says_in_a_sentence_when_it_was_saved(client, users, sections):
    # Inside brackets after the language: lower case, no stray space ("Català, ara mateix").
    sections["group_a"].add("Esborrany d'ara", "esborrany-ara", owner=users["coordinator_a"])
    drafts = dashboard(client, users["coordinator_a"]).split('class="working-group-drafts"')[1]
    assert re.search(r"\(Català, <time [^>]*>ara mateix</time>\)", drafts)


def test_a_coordinator_sees_recent_rejections_with_the_reviewer_and_comment(client, users):
    page = dashboard(client, users["coordinator_b"])
    rejected = page.split('class="working-group-rejected"')[1].split("</ul>")[0]
    assert "Exemple: recull de bones pràctiques municipals de cures" in rejected
    assert "Exemple de comentari: cal citar la font de cada pràctica" in rejected
    assert "Secretaria Tècnica" in rejected


def test_the_panel_shows_only_the_coordinator_own_group(client, users):
    page = dashboard(client, users["coordinator_a"])
    assert f"{PANEL_HEADING}{group_page(GROUP_A).title}" in page
    assert "Polítiques de cures" not in page
    assert "Exemple: recull de bones pràctiques" not in page


def test_people_who_coordinate_nothing_see_no_panel(client, users):
    assert 'class="working-group-drafts"' not in dashboard(client, users["secretariat"])
    assert 'class="working-group-drafts"' not in dashboard(client, users["superuser"])


def test_the_panel_speaks_the_coordinator_language(client, users):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(users["coordinator_a"])
    profile.preferred_language = "es"
    profile.save()
    page = dashboard(client, users["coordinator_a"])
    assert "Grupo de trabajo: Habitatge cooperatiu" in page
    assert "En revisión por la secretaría técnica" in page


def _sent_back(page_html):
    section = page_html.split('class="working-group-rejected"')
    return section[1].split("</ul>")[0] if len(section) > 1 else ""


def test_a_page_leaves_the_sent_back_list_once_resubmitted_and_approved(client, users, sections):
    from wagtail.models import WorkflowState

    title = "Guia retornada i aprovada"
    guide = sections["group_a"].add(title, "guia-retornada", owner=users["coordinator_a"])
    workflow = submit(guide, users["coordinator_a"])
    step = workflow.current_task_state
    step.task.specific.on_action(step, users["secretariat"], "reject", comment="Falten fonts.")
    assert title in _sent_back(dashboard(client, users["coordinator_a"]))

    WorkflowState.objects.get(pk=workflow.pk).resume(users["coordinator_a"])
    page = dashboard(client, users["coordinator_a"])
    assert title not in _sent_back(page)
    assert title in page.split('class="working-group-in-review"')[1].split("</ul>")[0]

    step = WorkflowState.objects.get(pk=workflow.pk).current_task_state
    step.task.specific.on_action(step, users["secretariat"], "approve")
    page = dashboard(client, users["coordinator_a"])
    assert title not in page, "approved and published: neither a draft, nor in review"
