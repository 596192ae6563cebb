"""The 2022 work plan: every challenge, area of action and calendar milestone of the
seed, in ca, es and en."""

import datetime
import html
import re
from pathlib import Path

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from news import demo_workplan
from news.models import EventPage, WorkPlanMilestone, WorkPlanPage

pytestmark = pytest.mark.django_db

SEED = Path("/work/shared/seeds/000_7675555efcf43762.txt")


def squash(text):
    """Compare texts across the seed's line wrapping, hyphenation and typographic apostrophes."""
    text = html.unescape(text).replace("’", "'").replace("-\n", "")
    return re.sub(r"[\s•]+", "", text).lower()


def seed_text():
    return squash(SEED.read_text(encoding="utf-8"))


def page_text(client, language):
    plan = WorkPlanPage.objects.get(locale__language_code=language, year=2022)
    response = client.get(plan.url)
    assert response.status_code == 200
    return squash(re.sub(r"<[^>]+>", " ", response.content.decode()))


def seed_items():
    items = [("challenge", text) for text in demo_workplan.CHALLENGES]
    for title, lines in demo_workplan.AREAS:
        items.append(("area", title))
        for line in lines:
            items.append(("line", line["text"]))
            items.extend(("detail", detail) for detail in line["details"])
    items.extend(("milestone", title) for _key, _period, title, _due in demo_workplan.MILESTONES)
    items.extend(("period", period) for _key, period, _title, _due in demo_workplan.MILESTONES)
    items.extend(("ongoing", text) for text in demo_workplan.ONGOING)
    return items


@pytest.mark.skipif(not SEED.exists(), reason="the seed document is not on this machine")
def test_the_catalan_demo_texts_are_the_seed_texts():
    seed = seed_text()
    missing = [text.ca for _kind, text in seed_items() if squash(text.ca) not in seed]
    assert not missing


def test_the_plan_has_every_challenge_area_and_milestone_of_the_seed():
    assert len(demo_workplan.CHALLENGES) == 9
    assert [title.ca for title, _lines in demo_workplan.AREAS] == [
        "Assessoraments i mentories",
        "Acollida i cura de membres",
        "Comissions, Assemblees i Trobada d'electes",
        "Jornades, activitats i grups de treball",
        "Comunicació",
        "Relacions amb l'ecosistema",
        "Altres",
    ]
    assert len(demo_workplan.MILESTONES) == 5


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_work_plan_page_shows_every_item_in_its_language(client, language):
    text = page_text(client, language)
    missing = [
        (kind, item.get(language))
        for kind, item in seed_items()
        if squash(item.get(language)) not in text
    ]
    assert not missing


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_translated_plan_does_not_fall_back_to_catalan(client, language):
    text = page_text(client, language)
    leaked = [
        item.ca
        for _kind, item in seed_items()
        if item.ca != item.get(language) and len(item.ca) > 20 and squash(item.ca) in text
    ]
    assert not leaked


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_each_milestone_links_to_the_event_that_fulfils_it_in_the_same_language(client, language):
    plan = WorkPlanPage.objects.get(locale__language_code=language, year=2022)
    html_text = client.get(plan.url).content.decode()
    milestones = list(plan.milestones.all())
    assert len(milestones) == 5
    for milestone in milestones:
        assert milestone.status == "automatic"
        event = EventPage.objects.get(
            translation_key=milestone.fulfilled_by.translation_key, locale__language_code=language
        )
        assert f'href="{event.url}"' in html_text


def test_milestones_are_on_the_timeline_in_date_order(client):
    plan = WorkPlanPage.objects.get(locale__language_code="en", year=2022)
    text = client.get(plan.url).content.decode().split('<ol class="timeline">')[1]
    positions = [
        text.index(period)
        for period in (
            "January or February",
            "March or April",
            "July (at the latest)",
            "September",
            "October",
        )
    ]
    assert positions == sorted(positions)


def test_an_event_page_shows_the_milestone_it_fulfils(client):
    plan = WorkPlanPage.objects.get(locale__language_code="es", year=2022)
    event = EventPage.objects.get(
        translation_key=plan.milestones.get(due_date__month=7).fulfilled_by.translation_key,
        locale=plan.locale,
    )
    html_text = client.get(event.url).content.decode()
    assert "3.er Encuentro de cargos electos presencial" in html_text
    assert f'href="{plan.url}"' in html_text


def test_a_milestone_marked_done_needs_the_page_that_fulfilled_it():
    milestone = WorkPlanMilestone(title="x", period="x", due_date="2022-01-01", status="done")
    with pytest.raises(ValidationError):
        milestone.clean()


def _shown_statuses(client, plan):
    timeline = client.get(plan.url).content.decode().split('<ol class="timeline">')[1]
    return re.findall(r'class="badge badge--(\w+)">([^<]+)<', timeline.split("</ol>")[0])


def test_a_milestone_whose_event_took_place_shows_done(client):
    plan = WorkPlanPage.objects.get(locale__language_code="en", year=2022)
    assert _shown_statuses(client, plan) == [("done", "Done")] * 5


def test_a_milestone_whose_event_is_still_to_come_shows_planned(client):
    plan = WorkPlanPage.objects.get(locale__language_code="en", year=2022)
    first = plan.milestones.order_by("due_date").first()
    EventPage.objects.filter(translation_key=first.fulfilled_by.translation_key).update(
        finishes_at=timezone.now() + datetime.timedelta(days=30)
    )
    assert _shown_statuses(client, plan)[0] == ("planned", "Planned")


def test_an_editor_status_overrides_what_the_link_says(client):
    plan = WorkPlanPage.objects.get(locale__language_code="en", year=2022)
    plan.milestones.filter(due_date__month=10).update(status="dropped")
    assert ("dropped", "Dropped") in _shown_statuses(client, plan)
