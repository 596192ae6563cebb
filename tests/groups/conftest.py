"""Fixtures for the working-group tests: the demo's roles, sections and admin helpers."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from groups.models import WorkingGroupAccess, WorkingGroupPage
from home.models import StandardPage

GROUP_A = "habitatge-cooperatiu"
GROUP_B = "politiques-de-cures"


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def users(db):
    """The five roles of the acceptance matrix; ``None`` is the anonymous visitor."""
    return {
        "anonymous": None,
        "coordinator_a": user("coord-habitatge"),
        "coordinator_b": user("coord-cures"),
        "secretariat": user("secretaria"),
        "superuser": user("admin"),
    }


def group_page(slug, language="ca"):
    return WorkingGroupPage.objects.get(slug=slug, locale__language_code="ca").get_translation(
        _locale(language)
    )


def _locale(language):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language)


def collection_of(page):
    return WorkingGroupAccess.objects.get(translation_key=page.translation_key).collection


@pytest.fixture
def sections(home_pages):
    """Each section of the matrix: the page that holds its content and the collection for its files.

    The news index and the library are built by other apps; until they exist
    here, a general page stands in as each section's root (outside any group).
    """
    home = home_pages["ca"]
    news = _standard_child(home, "noticies-de-prova", "Notícies (prova)")
    library = _standard_child(home, "biblioteca-de-prova", "Biblioteca (prova)")
    root_collection = Collection.get_first_root_node()
    a, b = group_page(GROUP_A), group_page(GROUP_B)
    return {
        "group_a": (a, collection_of(a)),
        "group_b": (b, collection_of(b)),
        "news": (news, root_collection),
        "library": (library, root_collection),
    }


def _standard_child(parent, slug, title, *, live=True, owner=None):
    page = StandardPage(title=title, slug=slug, live=live, owner=owner)
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


def make_draft(parent, slug, title="Esborrany de prova", owner=None):
    return _standard_child(parent, slug, title, live=False, owner=owner)


def submit(page, user):
    """Start the workflow that applies to the page, as the editor's Submit button does."""
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def standard_page_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "Text de prova.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def text_file(name="acta.txt", content=b"Acta de la reunio del grup."):
    return SimpleUploadedFile(name, content, content_type="text/plain")


@pytest.fixture
def login(client):
    def as_user(account):
        client.logout()
        if account is not None:
            client.force_login(account)
        return client

    return as_user
