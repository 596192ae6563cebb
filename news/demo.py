"""Demo news, bulletin, agenda and the 2022 work plan.

The texts are in ``home/demo/content/news.toml``. The seed gives the months of
the 2022 events, not their days: the dates and times there are examples, and
every news item and the bulletin say they are examples. The work plan itself is
the seed's, in full (see ``demo_workplan``).
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from home.demo.builders import catalan, ensure_page, paragraphs, translate_page
from home.demo.content import content
from home.demo.covers import ensure_cover

from .demo_workplan import (
    AREAS,
    CHALLENGES,
    MILESTONES,
    ONGOING,
    PLAN_INTRODUCTION,
    PLAN_TITLE,
    YEAR,
)
from .models import (
    AgendaPage,
    BulletinEvent,
    BulletinNews,
    BulletinPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    WorkPlanChallenge,
    WorkPlanMilestone,
    WorkPlanOngoingActivity,
    WorkPlanPage,
)
from .timezones import EVENT_TIME_ZONE

CONTENT = content("news")


def _madrid(moment):
    """A date and time of the content file (local, as people write them) in the events' zone."""
    return moment.replace(tzinfo=EVENT_TIME_ZONE)


def load(context):
    groups = context.shared.get("working_groups", {})
    news_index, _ = ensure_page(
        context.home,
        NewsIndexPage,
        title=CONTENT["news_index"]["title"],
        introduction=CONTENT["news_index"]["introduction"],
        show_in_menus=True,
        search_description=CONTENT["news_index"]["introduction"],
    )
    agenda, _ = ensure_page(
        context.home,
        AgendaPage,
        title=CONTENT["agenda"]["title"],
        introduction=CONTENT["agenda"]["introduction"],
        show_in_menus=True,
        search_description=CONTENT["agenda"]["introduction"],
    )
    translate_page(news_index)
    translate_page(agenda)
    events = _ensure_events(agenda, groups)
    news = _ensure_news(news_index, groups)
    _ensure_bulletin(news_index, news, events)
    _ensure_work_plan(agenda, events)


def _ensure_events(agenda, groups):
    events = {}
    online_url = CONTENT["example_online_url"]
    for key, spec in CONTENT["events"].items():
        place = CONTENT["example_place"] if spec["format"] != "online" else ""
        event, _ = ensure_page(
            agenda,
            EventPage,
            title=spec["title"],
            start=_madrid(spec["start"]),
            end=_madrid(spec["end"]),
            format=spec["format"],
            place=place,
            online_url=online_url if spec["format"] == "hybrid" else "",
            lead=spec["lead"],
            body=[("paragraph", paragraphs(CONTENT["example_date_note"]))],
            search_description=spec["lead"],
        )
        translate_page(event)
        events[key] = event
    spec = CONTENT["group_meeting"]
    start = _next_thursday_evening(
        timezone.now().astimezone(EVENT_TIME_ZONE).date() + datetime.timedelta(days=21)
    )
    meeting, _ = ensure_page(
        agenda,
        EventPage,
        title=spec["title"],
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        format="online",
        online_url=online_url,
        organising_group=groups.get(spec["group"]),
        lead=spec["lead"],
        search_description=spec["lead"],
    )
    translate_page(meeting)
    events["group_meeting"] = meeting
    return events


def _next_thursday_evening(day):
    while day.weekday() != 3:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=EVENT_TIME_ZONE)


def _ensure_news(news_index, groups):
    news = {}
    for key, spec in CONTENT["news"].items():
        item, created = ensure_page(
            news_index,
            NewsPage,
            title=spec["title"],
            date=spec["date"],
            category=spec["category"],
            lead=spec["lead"],
            body=[("paragraph", paragraphs(*spec["body"]))],
            image=ensure_cover(slugify(spec["title"].ca)),  # decorative: no description
            related_group=groups.get(spec["group"]) if "group" in spec else None,
            search_description=spec["lead"],
        )
        if created and spec["tags"]:
            item.tags.add(*spec["tags"])
            item.save_revision().publish()
        translate_page(item)
        news[key] = item
    return news


def _ensure_bulletin(news_index, news, events):
    spec = CONTENT["bulletin"]
    bulletin, _ = ensure_page(
        news_index,
        BulletinPage,
        title=spec["title"],
        date=spec["date"],
        period_start=spec["period_start"],
        period_end=spec["period_end"],
        lead=spec["lead"],
        body=[("paragraph", paragraphs(spec["editorial"]))],
        search_description=spec["lead"],
        chosen_news=[BulletinNews(news=news[key]) for key in spec["news"]],
        chosen_events=[BulletinEvent(event=events[key]) for key in spec["events"]],
    )
    translate_page(bulletin)


def _ensure_work_plan(agenda, events):
    areas = [("area", {"title": title, "lines": lines}) for title, lines in AREAS]
    plan, _ = ensure_page(
        agenda,
        WorkPlanPage,
        title=PLAN_TITLE,
        year=YEAR,
        introduction=PLAN_INTRODUCTION,
        search_description=PLAN_INTRODUCTION,
        areas=areas,
        challenges=[WorkPlanChallenge(text=catalan(text)) for text in CHALLENGES],
        ongoing_activities=[WorkPlanOngoingActivity(text=catalan(text)) for text in ONGOING],
        milestones=[
            WorkPlanMilestone(
                title=catalan(title),
                period=catalan(period),
                due_date=due_date,
                fulfilled_by=events[event_key],
            )
            for event_key, period, title, due_date in MILESTONES
        ],
    )
    translate_page(plan)
