"""A foreign key the instance holds is valid without asking; any other is asked
(``operations.fk_validation``), keys to a page type (``page_ptr``) included."""

import pytest

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import WorkingGroupPage
from knowledge.models import GuidePage

pytestmark = pytest.mark.django_db

GROUP_ASKED = 'FROM "groups_workinggrouppage" WHERE "groups_workinggrouppage"."page_ptr_id" = '


def a_guide_of_a_group():
    guide = GuidePage.objects.filter(working_group__isnull=False).order_by("pk").first()
    return GuidePage.objects.get(pk=guide.pk)  # its group not read


def asked(guide):
    with CaptureQueriesContext(connection) as queries:
        guide.full_clean()
    return [query["sql"] for query in queries.captured_queries if GROUP_ASKED in query["sql"]]


def test_a_key_to_a_page_type_is_asked_unless_the_page_holds_its_group():
    guide = a_guide_of_a_group()
    assert len(asked(guide)) == 1
    guide.working_group = WorkingGroupPage.objects.get(pk=guide.working_group_id)
    assert asked(guide) == []


def test_a_key_to_a_missing_group_is_refused():
    guide = a_guide_of_a_group()
    guide.working_group_id = 999_999
    with pytest.raises(ValidationError) as refused:
        guide.full_clean()
    assert "working_group" in refused.value.message_dict
