"""Which working group a page belongs to: the one answer knowledge, groups and search ask.

A working group's page is the root of its section (see ``groups``): the group
page and every page inside its section belong to that group. A knowledge page
outside every section may still name a group in its ``working_group`` field (a
text written for a group but filed in the library); inside a section the tree
wins, and ``KnowledgePage.save`` copies it into the field.

``knowledge`` knows the group's page type only by its content type, never by
import: ``groups`` imports ``knowledge``, not the reverse.
"""

from wagtail.models import Page

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
