"""The knowledge base's page types. Import them from ``knowledge.models``.

Imports point one way: ``groups`` may import from here; this package refers to
a working group only through the lazy model string ``"groups.WorkingGroupPage"``
and the page tree (a group's products live inside its section).
"""

from .base import KnowledgeAttachment, KnowledgeKind, KnowledgePage, KnowledgePageTag
from .guides import GuideChapterPage, GuidePage
from .library import LibraryPage
from .policy import PolicyDocumentPage, PolicyDocumentRelation

__all__ = [
    "GuideChapterPage",
    "GuidePage",
    "KnowledgeAttachment",
    "KnowledgeKind",
    "KnowledgePage",
    "KnowledgePageTag",
    "LibraryPage",
    "PolicyDocumentPage",
    "PolicyDocumentRelation",
]
