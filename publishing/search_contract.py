"""What a page type gives the public search, declared by the page type itself.

Every page type of the site inherits ``SearchContract`` and, when it has
something to say, overrides ``search_facts()``; the search reads nothing
else from a page besides its text (its ``search_fields``, see
``search.content``). The default says: no date, no topics, the working group
is the section holding the page, and the page is searchable.

It lives here, not in ``search``, because page models import it and no app
imports ``search``. Which files a page attaches is not the page type's to say
either: it is what the page uses (``publishing.visibility``).
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchFacts:
    """A page's date, topics, group and exclusion, as the search indexes them.

    ``date``              the content's own date (a guide's publication, an
                          event's first day, a news item's date): shown on the
                          result, the year facet and the date sort. A page
                          without one (a home page, an index) has none: never
                          the day it was published or loaded.
    ``topic_ids``         ids of its ``taxonomy.Topic``s (the topic facet).
    ``working_group_id``  the group the page names itself; ``None`` lets the
                          working-group section holding the page decide
                          (``knowledge.working_groups``).
    ``excluded``          true keeps the page out of the public search.
    """

    date: datetime.date | None = None
    topic_ids: tuple[int, ...] = ()
    working_group_id: int | None = None
    excluded: bool = False


class SearchContract:
    """Mixin for page models: ``search_facts()`` is all the search asks of a page type."""

    def search_facts(self) -> SearchFacts:
        return SearchFacts()
