"""Models of the members app, importable as ``members.models``.

``members`` is independent: it refers to working groups only by the lazy model
string ``"groups.WorkingGroupPage"`` and imports no other project app.
"""

from .advice import AdviceHoursBag, AdviceRequest, AdviceSession
from .choices import (
    COUNTY_CHOICES,
    COUNTY_NAMES,
    AdviceFormat,
    AdviceStatus,
    Area,
    MemberKind,
    MemberStatus,
    PopulationBand,
    ReviewStatus,
    Sector,
)
from .directory import ContactPerson, Member
from .needs import (
    ExpectedHiring,
    NeedsResponse,
    NeedsResponseArea,
    OnboardingMeeting,
    WorkshopTopicRequest,
)
from .pages import MemberDirectoryPage, NeedsQuestionnairePage

__all__ = [
    "COUNTY_CHOICES",
    "COUNTY_NAMES",
    "AdviceFormat",
    "AdviceHoursBag",
    "AdviceRequest",
    "AdviceSession",
    "AdviceStatus",
    "Area",
    "ContactPerson",
    "ExpectedHiring",
    "Member",
    "MemberDirectoryPage",
    "MemberKind",
    "MemberStatus",
    "NeedsQuestionnairePage",
    "NeedsResponse",
    "NeedsResponseArea",
    "OnboardingMeeting",
    "PopulationBand",
    "ReviewStatus",
    "Sector",
    "WorkshopTopicRequest",
]
