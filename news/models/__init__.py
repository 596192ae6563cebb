"""News, bulletins, events, the agenda and the yearly work plan.

Public import path: ``news.models``. This app refers to a working group only
through the lazy reference ``"groups.WorkingGroupPage"`` (never an import), so
that ``groups`` may import ``news`` and not the other way round.
"""

from .events import AgendaPage, EventDocument, EventPage
from .news import (
    BulletinEvent,
    BulletinNews,
    BulletinPage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    NewsPageTopic,
)
from .workplan import WorkPlanChallenge, WorkPlanMilestone, WorkPlanOngoingActivity, WorkPlanPage

__all__ = [
    "AgendaPage",
    "BulletinEvent",
    "BulletinNews",
    "BulletinPage",
    "EventDocument",
    "EventPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsPageTopic",
    "WorkPlanChallenge",
    "WorkPlanMilestone",
    "WorkPlanOngoingActivity",
    "WorkPlanPage",
]
