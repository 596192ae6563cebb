"""Many live pages under one parent in a few statements, for benchmarks.

Wagtail's ``add_child`` saves a page in a dozen queries (tree bookkeeping,
revision, signals, search and reference indexes) and re-reads its parent each
time; 50,000 of them take hours. ``add_live_children`` writes the same rows
directly: it numbers the new children after the parent's last one (treebeard's
materialised path), inserts the ``wagtailcore_page`` rows with
``Page.objects.bulk_create`` (which returns their ids) and then each table of
the page type's multi-table chain (``KnowledgePage``, ``PolicyDocumentPage``…)
with one ``executemany``, and finally recounts the parent's ``numchild``.

What it leaves out, on purpose: revisions (a page with no revision is served
and edited from its own row), signals (``page_published``…), the search index
and the reference index. Call it inside a transaction.
"""

from django.db import connection
from django.utils import timezone

from wagtail.models import Page


def add_live_children(parent, pages, *, published_at=None):
    """Insert ``pages`` (unsaved instances of one or more page types) as live, published
    children of ``parent``, after its existing children; returns them with their ids."""
    if not pages:
        return pages
    published_at = published_at or timezone.now()
    first_step = _next_step(parent)
    for offset, page in enumerate(pages):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, first_step + offset)
        page.numchild = 0
        page.slug = page.slug or f"page-{first_step + offset}"
        page.set_url_path(parent)
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or published_at
        page.last_published_at = page.last_published_at or page.first_published_at
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in page_fields})
            for page in pages
        ]
    )
    for page, row in zip(pages, rows, strict=True):
        for model in _table_chain(type(page)):
            setattr(page, model._meta.pk.attname, row.pk)
        page._state.adding = False
    tables = {model for page in pages for model in _table_chain(type(page))} - {Page}
    for model in sorted(tables, key=lambda model: len(model._meta.get_parent_list())):
        _insert_rows(model, [page for page in pages if isinstance(page, model)])
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    )
    return pages


def _next_step(parent):
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _table_chain(model):
    """The concrete models whose tables hold a row of ``model``, ``Page`` first."""
    return [*reversed(model._meta.get_parent_list()), model]


def _insert_rows(model, objects):
    """One ``executemany`` of ``model``'s own columns (its table, not its parents')."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)
