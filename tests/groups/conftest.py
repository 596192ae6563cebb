"""Fixtures for the working-group tests: the demo's roles, the sections and admin helpers."""

import datetime
from dataclasses import dataclass

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from groups.models import WorkingGroupAccess, WorkingGroupPage
from knowledge.models import GuidePage, KnowledgeKind, LibraryPage
from news.models import NewsIndexPage, NewsPage

GROUP_A = "habitatge-cooperatiu"
GROUP_B = "politiques-de-cures"


@pytest.fixture
def users(db):
    """The five roles of the acceptance matrix; ``None`` is the anonymous visitor."""
    User = get_user_model()
    return {
        "anonymous": None,
        "coordinator_a": User.objects.get(username="coord-habitatge"),
        "coordinator_b": User.objects.get(username="coord-cures"),
        "secretariat": User.objects.get(username="secretaria"),
        "superuser": User.objects.get(username="admin"),
    }


def group_page(slug, language="ca"):
    page = WorkingGroupPage.objects.get(slug=slug, locale__language_code="ca")
    return page.get_translation(Locale.objects.get(language_code=language))


def collection_of(page):
    return WorkingGroupAccess.objects.get(translation_key=page.translation_key).collection


# Page builders: a product of each section's own type, as a draft or live.


def guide(title, slug, **fields):
    return GuidePage(
        title=title,
        slug=slug,
        kind=KnowledgeKind.GUIDE,
        summary="Resum de prova.",
        publication_date=datetime.date(2024, 1, 15),
        **fields,
    )


def news_item(title, slug, **fields):
    return NewsPage(title=title, slug=slug, lead="Entradeta de prova.", **fields)


def guide_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "guide",
            "summary": "Resum de prova.",
            "authors": "",
            "publication_date": "2024-01-15",
            "edition_number": "1",
            "edition_status": "published",
            "planned_year": "",
            "tags": "",
            "introduction": streamfield([]),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def news_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2024-01-15",
            "category": "news",
            "lead": "Entradeta de prova.",
            "image_alt": "",
            "tags": "",
            "body": streamfield([]),
            "topics": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


@dataclass
class Section:
    """Where a section's content lives, what it holds and which collection takes its files."""

    parent: Page
    collection: Collection
    build: object
    form: object
    model_path: tuple

    def add(self, title, slug, *, owner=None, live=False):
        page = self.build(title, slug, owner=owner, live=live)
        Page.objects.get(pk=self.parent.pk).specific.add_child(instance=page)
        revision = page.save_revision(user=owner)
        if live:
            revision.publish()
        return Page.objects.get(pk=page.pk).specific


def group_news_item(title, slug, **fields):
    return news_item(title, slug, related_group=group_page(GROUP_A), **fields)


def group_news_form(title, slug, **extra):
    return news_form(title, slug, related_group=str(group_page(GROUP_A).pk), **extra)


GUIDES = dict(build=guide, form=guide_form, model_path=("knowledge", "guidepage"))
NEWS = dict(build=news_item, form=news_form, model_path=("news", "newspage"))
GROUP_A_NEWS = dict(build=group_news_item, form=group_news_form, model_path=("news", "newspage"))


@pytest.fixture
def sections(db):
    """Each section of the matrix: the two groups, the news (an item of no group, and one of
    group A) and the library (the demo's)."""
    root_collection = Collection.get_first_root_node()
    library = LibraryPage.objects.get(locale__language_code="ca")
    news = NewsIndexPage.objects.get(locale__language_code="ca")
    a, b = group_page(GROUP_A), group_page(GROUP_B)
    return {
        "group_a": Section(a, collection_of(a), **GUIDES),
        "group_b": Section(b, collection_of(b), **GUIDES),
        "news": Section(news, root_collection, **NEWS),
        "news_of_group_a": Section(news, root_collection, **GROUP_A_NEWS),
        "library": Section(library, root_collection, **GUIDES),
    }


def submit(page, user):
    """Start the workflow that applies to the page, as the editor's Submit button does."""
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


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
