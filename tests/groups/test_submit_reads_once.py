"""*Submit* asks each question once and leaves out what only the form's page shows.

The edit view's POST (``operations.edit_view``) asks which workflow applies
once (choosing *Submit*, then starting it: ``operations.workflow_lookup``),
whether the slug is free once (``operations.slug_once``), and reads the page's
translations only when it shows the form again. What users see is unchanged:
the same history entries and queued emails, a taken slug refused with nothing
submitted, the translations listed beside a form sent back with errors.
"""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connection
from django.http import QueryDict
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, PageLogEntry

from bench.admin.run import PRODUCTION_TASKS

from .conftest import GROUP_A, group_page
from .edit_form import edit_form
from .test_admin_queries import a_guide, media_root  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db

WORKFLOW_ASSIGNMENT = 'FROM "wagtailcore_workflowpage"'
SLUG_QUESTION = re.compile(r'"wagtailcore_page"\."slug" = ')
# The edit view's own list (``PageEditView.get_translations``): the group page's type.
TRANSLATIONS = re.compile(
    r'"translation_key" = \'[^\']+\'(::uuid)? AND NOT \("groups_workinggrouppage"\."page_ptr_id" = '
)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def posted(client, page, fields):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(edit_url(page), fields)
    return response, [query["sql"] for query in queries.captured_queries]


def matching(statements, pattern):
    if isinstance(pattern, str):
        return [sql for sql in statements if pattern in sql]
    return [sql for sql in statements if pattern.search(sql)]


def test_submit_asks_once_which_workflow_applies_and_whether_the_slug_is_free(client, users):
    page = a_guide(group_page(GROUP_A), "una-vegada", tags=2, files=2, chapters=1)
    client.force_login(users["coordinator_a"])
    response, statements = posted(client, page, edit_form(client, page).pressing("action-submit"))
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    assert len(matching(statements, WORKFLOW_ASSIGNMENT)) == 1
    assert len(matching(statements, SLUG_QUESTION)) == 1


def test_submit_writes_the_same_history_and_queues_both_emails(client, users):
    page = a_guide(group_page(GROUP_A), "historia", tags=1, files=1, chapters=0)
    client.force_login(users["coordinator_a"])
    form = edit_form(client, page)
    before = set(PageLogEntry.objects.filter(page=page).values_list("pk", flat=True))
    with override_settings(TASKS=PRODUCTION_TASKS):
        response, _statements = posted(client, page, form.pressing("action-submit"))
        queued = list(
            DBTaskResult.objects.filter(task_path__endswith="send_workflow_email").values_list(
                "args_kwargs", flat=True
            )
        )
    assert response.status_code == 302
    entries = PageLogEntry.objects.filter(page=page).exclude(pk__in=before).order_by("pk")
    assert [entry.action for entry in entries] == ["wagtail.edit", "wagtail.workflow.start"]
    revision = Page.objects.get(pk=page.pk).latest_revision
    assert {entry.revision_id for entry in entries} == {revision.pk}
    notifiers = sorted(args["args"][0].rsplit(".", 1)[-1] for args in queued)
    assert notifiers == [
        "GroupApprovalTaskStateSubmissionEmailNotifier",
        "WorkflowStateSubmissionEmailNotifier",
    ]


def test_a_taken_slug_is_still_refused_by_the_form_and_by_a_later_validation(client, users):
    section = group_page(GROUP_A)
    a_guide(section, "germana", tags=1, files=1, chapters=0)
    page = a_guide(section, "propia", tags=1, files=1, chapters=0)
    client.force_login(users["coordinator_a"])
    fields = edit_form(client, page).fields
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values)
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(data, instance=page, parent_page=section, for_user=users["coordinator_a"])
    assert form.is_valid(), form.errors
    # The form's answer served its own validation only: the page asked again refuses.
    page.slug = "germana"
    with pytest.raises(Exception) as refused:
        page.full_clean()
    assert "slug" in refused.value.message_dict


def test_a_submit_sent_back_with_errors_still_lists_the_translations(client, users):
    group = group_page(GROUP_A)
    translation = group_page(GROUP_A, "es")
    client.force_login(users["superuser"])
    translation_link = edit_url(translation)
    assert translation_link in client.get(edit_url(group)).content.decode()
    form = edit_form(client, group)
    valid, statements = posted(client, group, form.fields)
    assert valid.status_code == 302
    assert not matching(statements, TRANSLATIONS)
    form = edit_form(client, group)
    refused, statements = posted(client, group, {**form.fields, "slug": "amb espais"})
    assert refused.status_code == 200
    assert refused.context["form"].errors
    assert matching(statements, TRANSLATIONS)
    assert translation_link in refused.content.decode()
