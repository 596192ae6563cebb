"""Which working group a page belongs to: the one answer knowledge, groups and search ask.

A working group's page is the root of its section (see ``groups``): the group
page and every page inside its section belong to that group. A knowledge page
outside every section may still name a group in its ``working_group`` field (a
text written for a group but filed in the library); inside a section the tree
wins, and ``KnowledgePage.save`` copies it into the field.

``knowledge`` knows the group's page type only by its content type, never by
import: ``groups`` imports ``knowledge``, not the reverse.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Page, get_page_models

WORKING_GROUP_MODEL = "groups.WorkingGroupPage"
WORKING_GROUP_CONTENT_TYPE = {
    "content_type__app_label": "groups",
    "content_type__model": "workinggrouppage",
}


def section_group_ids(pages):
    """``{page.pk: id of the working group whose section holds it, or None}``, in one query.

    A working group's own page is in its section.
    """
    pages = [page for page in pages if page.path]
    if not pages:
        return {}
    groups = sorted(
        Page.objects.filter(**WORKING_GROUP_CONTENT_TYPE).values_list("pk", "path"),
        key=lambda group: len(group[1]),
        reverse=True,
    )
    return {
        page.pk: next((pk for pk, path in groups if page.path.startswith(path)), None)
        for page in pages
    }


def section_group_id(page):
    return section_group_ids([page]).get(page.pk)


def working_group_ids(pages):
    """``{page.pk: its working group's id, or None}``: the page's own choice, else its section."""
    pages = list(pages)
    sections = section_group_ids(
        [page for page in pages if getattr(page, "working_group_id", None) is None]
    )
    return {
        page.pk: getattr(page, "working_group_id", None) or sections.get(page.pk) for page in pages
    }


def _models_naming_their_group():
    """Page types outside the sections that name their group in a field (``group_field``:
    news items, events), each once (the model declaring the field)."""
    models = []
    for model in get_page_models():
        name = getattr(model, "group_field", None)
        if name and model._meta.get_field(name).model is model:
            models.append((model, name))
    return models


def pages_of_groups(group_pages):
    """Every page belonging to these groups' pages (one group's translations, say), as
    ``working_group_ids`` answers page by page: the pages of their sections, the group
    pages included, and the pages elsewhere that name one of them."""
    group_pages = list(group_pages)
    if not group_pages:
        return Page.objects.none()
    ids = [page.pk for page in group_pages]
    condition = reduce(or_, (Q(path__startswith=page.path) for page in group_pages))
    for model, name in _models_naming_their_group():
        condition |= Q(pk__in=model.objects.filter(**{f"{name}__in": ids}).values("pk"))
    return Page.objects.filter(condition)
