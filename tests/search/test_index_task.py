"""The public index's refresh is queued (``search.tasks``) and done by the task worker.

With production's database backend, publishing queues the refresh instead of
indexing inside the editor's request: the new words are found once the worker
has run. Unpublishing hides the page at once, before any worker runs: what is
visible is decided when a search runs, and the worker then drops its entry.
"""

import pytest

from django.test import override_settings

from bench.admin.run import PRODUCTION_TASKS
from search.models import SearchEntry
from tests.task_worker import run_queued_tasks

from .test_leaks import republish, titles

pytestmark = pytest.mark.django_db


def test_published_words_are_found_once_the_worker_has_refreshed_the_index(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Pàgina per a la cua", "primeraparaula")
    assert page.title in titles(client, "primeraparaula")
    with override_settings(TASKS=PRODUCTION_TASKS):
        republish(page, django_capture_on_commit_callbacks, "cuaparaula")
        assert titles(client, "cuaparaula") == [], "queued, not yet indexed"
        run_queued_tasks()
    assert page.title in titles(client, "cuaparaula")


def test_an_unpublished_page_is_hidden_at_once_and_leaves_the_index_with_the_worker(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Pàgina que es retira", "retiradaparaula")
    assert page.title in titles(client, "retiradaparaula")
    with override_settings(TASKS=PRODUCTION_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()
        assert titles(client, "retiradaparaula") == []
        assert SearchEntry.objects.filter(page=page).exists(), "the entry waits for the worker"
        run_queued_tasks()
    assert not SearchEntry.objects.filter(page=page).exists()
