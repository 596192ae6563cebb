"""One announcement per committed change of what the public may see."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Page

from publishing.events import announce, public_content_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """Every announcement received during the test."""
    received = []

    def receiver(sender, signal, **kwargs):
        received.append(kwargs)

    public_content_changed.connect(receiver, dispatch_uid="test-heard")
    yield received
    public_content_changed.disconnect(dispatch_uid="test-heard")


@pytest.fixture
def about_page():
    return Page.objects.get(locale__language_code="ca", slug="qui-som").specific


def test_publishing_announces_the_page_once_after_the_commit(
    heard, about_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        about_page.title = "Qui som, de nou"
        about_page.save_revision().publish()
    assert heard == [], "nothing is announced before the transaction commits"
    for callback in callbacks:
        callback()
    assert len(heard) == 1
    assert about_page.pk in heard[0]["pages"]
    assert heard[0]["public"] is True


def test_saving_a_draft_announces_nothing(heard, about_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        about_page.title = "Qui som (esborrany)"
        about_page.save_revision()
    assert heard == []


def test_unpublishing_announces_the_page(heard, about_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        about_page.unpublish()
    assert [about_page.pk in batch["pages"] and batch["public"] for batch in heard] == [True]


def test_an_unused_upload_is_announced_for_search_but_not_as_public(
    heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title="Esborrany", file=ContentFile(b"%PDF-1.4", name="esborrany.pdf")
        )
    # The upload, then the end of its text extraction (run at once in tests).
    assert [batch["documents"] for batch in heard] == [{document.pk}, {document.pk}]
    assert not any(batch["public"] for batch in heard)


def test_several_changes_in_one_transaction_make_one_announcement(
    heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        announce(pages=[1], public=False)
        announce(documents=[2], public=True)
    assert heard == [{"pages": {1}, "documents": {2}, "images": set(), "public": True}]
