"""A publication writes only the inline rows that changed (``operations.inline_rows``).

The whole behaviour on *Approve* is specified in ``tests/groups/test_approve_publication.py``;
here: the rule that matches a new row to a stored one, and that other saves are untouched.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from knowledge.models import GuidePage, KnowledgeAttachment
from operations.inline_rows import _keep_stored_ids

pytestmark = pytest.mark.django_db


def stored_row(pk, **values):
    row = KnowledgeAttachment(pk=pk, **values)
    row._state.adding = False
    return row


def test_a_new_row_equal_to_a_stored_row_takes_its_id_once():
    stored = stored_row(5, page_id=1, document_id=2, sort_order=0, label="")
    same = KnowledgeAttachment(page_id=1, document_id=2, sort_order=0, label="")
    twin = KnowledgeAttachment(page_id=1, document_id=2, sort_order=0, label="")
    relabelled = KnowledgeAttachment(page_id=1, document_id=2, sort_order=0, label="Acta")
    _keep_stored_ids([relabelled, same, twin], [stored])
    assert (relabelled.pk, same.pk, twin.pk) == (None, 5, None)
    assert not same._state.adding


def test_a_stored_row_kept_by_its_own_id_is_not_given_to_a_new_row():
    stored = stored_row(5, page_id=1, document_id=2, sort_order=0, label="")
    kept = stored_row(5, page_id=1, document_id=2, sort_order=0, label="")
    new = KnowledgeAttachment(page_id=1, document_id=2, sort_order=0, label="")
    _keep_stored_ids([kept, new], [stored])
    assert new.pk is None


def test_a_save_outside_a_publication_still_writes_every_row():
    guide = next(
        page
        for page in GuidePage.objects.live().filter(locale__language_code="ca")
        if page.attachments.exists()
    )
    page = Page.objects.get(pk=guide.pk).specific
    rows = list(page.attachments.all())
    page.attachments = rows
    with CaptureQueriesContext(connection) as queries:
        page.save()
    updates = [q for q in queries if q["sql"].startswith('UPDATE "knowledge_knowledgeattachment"')]
    assert len(updates) == len(rows)
