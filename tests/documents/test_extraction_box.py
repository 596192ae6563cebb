"""Uploaded files are read out of the web request, in a box with limits (documents.sandbox).

The hostile files are the ones found in a hostile test, rebuilt here: a 21 KB PDF whose
hundred pages share one 2 MB content stream, a DOCX whose ``document.xml`` is 1 GB
under forged sizes, and a 70 KB DOCX of 49 MB of empty paragraphs.
"""

import io
import os

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

from documents import sandbox
from documents.extraction import extract_text

from .conftest import docx_with_text, pdf_with_text
from .hostile_files import empty_paragraphs_docx, forged_size_docx, shared_stream_pdf

MEGABYTE = 1024 * 1024
FUNCTIONS = "tests.documents.box_functions"
HOSTILE = {
    "pages-sharing-a-stream.pdf": shared_stream_pdf,
    "forged-sizes.docx": forged_size_docx,
    "empty-paragraphs.docx": empty_paragraphs_docx,
}


@pytest.fixture
def outcomes(monkeypatch):
    """Every box run, with what it measured."""
    runs = []
    real_run = sandbox.run

    def recording_run(*args, **kwargs):
        outcome = real_run(*args, **kwargs)
        runs.append(outcome)
        return outcome

    monkeypatch.setattr(sandbox, "run", recording_run)
    return runs


@pytest.fixture
def tight_limits(settings):
    """Limits a hostile file trips in seconds (production: 20 s of CPU, 512 MB, 60 s)."""
    settings.DOCUMENTS_EXTRACTION_CPU_SECONDS = 3
    settings.DOCUMENTS_EXTRACTION_MEMORY_MB = 384
    settings.DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS = 120
    return settings


def _extract(data, filename):
    return extract_text(io.BytesIO(data), filename, len(data))


# The box


def test_the_box_is_another_process_without_the_sites_settings_or_secrets():
    outcome = sandbox.run(f"{FUNCTIONS}.process_and_environment", {}, sandbox.BoxLimits())
    assert outcome.result["pid"] != os.getpid()
    environment = outcome.result["environment"]
    assert "PATH" in environment
    assert not {"SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"} & set(environment)


def test_the_box_stops_a_reader_past_its_cpu_time():
    limits = sandbox.BoxLimits(cpu_seconds=1, timeout_seconds=120)
    outcome = sandbox.run(f"{FUNCTIONS}.spin", {}, limits)
    assert outcome.limit_tripped and outcome.reason == "CPU time limit"
    assert outcome.cpu_seconds < 4


def test_the_box_stops_a_reader_past_its_wall_clock_time():
    limits = sandbox.BoxLimits(timeout_seconds=2)
    outcome = sandbox.run(f"{FUNCTIONS}.sleep", {"seconds": 60}, limits)
    assert outcome.limit_tripped and outcome.reason == "wall-clock limit"
    assert outcome.wall_seconds < 30


def test_the_box_gives_memory_up_to_its_cap_and_no_more():
    limits = sandbox.BoxLimits(memory_mb=256)
    assert sandbox.run(f"{FUNCTIONS}.allocate", {"megabytes": 16}, limits).result == 16 * MEGABYTE
    outcome = sandbox.run(f"{FUNCTIONS}.allocate", {"megabytes": 1024}, limits)
    assert outcome.limit_tripped and outcome.reason == "memory limit"
    assert 0 < outcome.peak_memory < 256 * MEGABYTE


def test_the_box_writes_no_files(tmp_path):
    target = tmp_path / "written"
    outcome = sandbox.run(f"{FUNCTIONS}.write_a_file", {"path": str(target)}, sandbox.BoxLimits())
    assert outcome.result is None
    assert not target.exists() or target.stat().st_size == 0


# Reading through the box


def test_ordinary_files_are_read_in_the_box(outcomes):
    assert _extract(pdf_with_text("Cooperatives d'habitatge."), "guia.pdf").status == "extracted"
    assert "Acta" in _extract(docx_with_text("Acta de la reunió."), "acta.docx").text
    assert len(outcomes) == 2
    assert all(outcome.result is not None for outcome in outcomes)


@pytest.mark.parametrize("filename", HOSTILE)
def test_a_hostile_file_is_too_complex_to_read_within_the_limits(tight_limits, outcomes, filename):
    data = HOSTILE[filename]()
    assert len(data) < 3 * MEGABYTE
    result = _extract(data, filename)
    assert result.status == "too_complex" and result.message
    (outcome,) = outcomes
    assert 0 < outcome.peak_memory < tight_limits.DOCUMENTS_EXTRACTION_MEMORY_MB * MEGABYTE
    assert outcome.cpu_seconds < tight_limits.DOCUMENTS_EXTRACTION_CPU_SECONDS + 2


# Out of the web request: the task worker reads the file


@pytest.fixture
def secretariat(client):
    assert client.login(username="secretaria", password="secretaria-demo")
    return client


@pytest.mark.django_db
def test_an_upload_answers_at_once_and_the_worker_marks_the_file(
    secretariat, tight_limits, outcomes, django_capture_on_commit_callbacks
):
    # The way from the upload to the worker is the same for every file; which hostile
    # files the box stops is the test above's.
    filename = "forged-sizes.docx"
    tight_limits.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(
            reverse("wagtaildocs:add"),
            {
                "title": filename,
                "file": SimpleUploadedFile(filename, HOSTILE[filename]()),
                "collection": 1,
                "tags": "",
            },
        )
    assert response.status_code == 302
    document = get_document_model().objects.get(title=filename)
    # The request only queued the work: nothing was parsed while the editor waited.
    assert document.extraction_status == "pending" and outcomes == []
    assert secretariat.get("/ca/").status_code == 200

    (queued,) = [
        task
        for task in DBTaskResult.objects.ready().filter(task_path__endswith="extract_document_text")
        if task.args_kwargs["args"] == [document.pk]
    ]
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run_task(queued)

    document.refresh_from_db()
    assert document.extraction_status == "too_complex"
    (outcome,) = outcomes
    assert 0 < outcome.peak_memory < tight_limits.DOCUMENTS_EXTRACTION_MEMORY_MB * MEGABYTE


def test_the_shared_stream_pdf_trips_its_operator_budget_whatever_the_machines_speed(outcomes):
    # With the production time limits, the budget (not the kernel) stops the reading: a fast
    # machine that parses the stream within the CPU limit still marks the file.
    result = _extract(shared_stream_pdf(), "pages-sharing-a-stream.pdf")
    assert result.status == "too_complex"
    (outcome,) = outcomes
    assert not outcome.limit_tripped and outcome.result["status"] == "too_complex"
