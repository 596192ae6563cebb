"""Build a benchmark corpus inside a configured database (run by ``bench.search.run``).

The first pages (up to ``--command-pages``, 1,000 by default) come from
``manage.py generate_content``, home's reproducible bulk pages. Creating pages
one by one through treebeard runs at a few pages a second on a shared machine,
so the rest of a large corpus is inserted in SQL batches with the same shape
(same word lists, title and body lengths, parents, tree paths and URL paths)
and published dates spread over 2019–2026. One page in five gets an attached
file with extracted text, linked from its body, with the matching row in
Wagtail's reference index, exactly what an editor's upload would leave.
"""

import datetime
import json
import random
import sys
import uuid

import django

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BATCH = 1000


def encode(number):
    digits = ""
    for _ in range(4):
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return digits


def decode(step):
    value = 0
    for char in step:
        value = value * 36 + ALPHABET.index(char)
    return value


def _words(rng, words, low, high):
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def bulk_pages(parents, count, seed):
    """Insert ``count`` StandardPages under ``parents`` (round robin); returns their ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from wagtail.models import Page

    from home.management.commands.generate_content import WORDS_BY_LANGUAGE
    from home.models import StandardPage

    rng = random.Random(seed * 7919)
    content_type = ContentType.objects.get_for_model(StandardPage)
    next_step = {}
    for parent in parents:
        last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
        next_step[parent.pk] = decode(last[-4:]) + 1 if last else 1
    start = datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC)
    span = (datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC) - start).total_seconds()
    created = []
    for offset in range(0, count, BATCH):
        pages, rows = [], []
        for n in range(offset, min(count, offset + BATCH)):
            parent = parents[n % len(parents)]
            words = WORDS_BY_LANGUAGE[parent.locale.language_code]
            title = _words(rng, words, 5, 5).capitalize()
            body = _words(rng, words, 60, 240)
            slug = f"{slugify(title)[:40]}-{seed}-bulk-{n}"
            published = start + datetime.timedelta(seconds=rng.random() * span)
            step = next_step[parent.pk]
            next_step[parent.pk] += 1
            pages.append(
                Page(
                    path=parent.path + encode(step),
                    depth=parent.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{parent.url_path}{slug}/",
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            rows.append((title, body))
        with transaction.atomic():
            pages = Page.objects.bulk_create(pages)
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO home_standardpage (page_ptr_id, introduction, body) "
                    "VALUES (%s, %s, %s)",
                    [
                        (
                            page.pk,
                            body[:400],
                            json.dumps(
                                [
                                    {
                                        "type": "paragraph",
                                        "value": f"<p>{body}</p>",
                                        "id": str(uuid.uuid4()),
                                    }
                                ]
                            ),
                        )
                        for page, (_title, body) in zip(pages, rows, strict=True)
                    ],
                )
        created += [page.pk for page in pages]
    for parent in parents:
        Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
    Page.objects.filter(pk__in=[p.pk for p in parents]).update(last_published_at=timezone.now())
    return created


def attach_files(parents, seed):
    """Attach a file with extracted text to every fifth generated page."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.db import connection, transaction

    from wagtail.documents import get_document_model
    from wagtail.models import Collection, Page, ReferenceIndex

    from home.management.commands.generate_content import WORDS_BY_LANGUAGE
    from home.models import StandardPage

    document_model = get_document_model()
    rng = random.Random(seed)
    collection = Collection.get_first_root_node()
    shared_file = document_model(title="shared", collection=collection)
    shared_file.file.save("bench-annex.txt", ContentFile(b"annex"), save=False)
    file_name = shared_file.file.name
    page_type = ContentType.objects.get_for_model(Page)
    standard_type = ContentType.objects.get_for_model(StandardPage)
    document_type = ContentType.objects.get_for_model(document_model)
    attached = 0
    for parent in parents:
        words = WORDS_BY_LANGUAGE[parent.locale.language_code]
        children = list(
            StandardPage.objects.child_of(parent)
            .order_by("path")
            .values_list("pk", "title", "body")
        )[::5]
        for start in range(0, len(children), BATCH):
            chunk = children[start : start + BATCH]
            documents = []
            for page_id, title, _body in chunk:
                text = (
                    _words(rng, words, 1200, 1800) + f" annex{page_id} fitxer{rng.randint(1, 500)}"
                )
                documents.append(
                    document_model(
                        title=f"Annex {title}"[:255],
                        file=file_name,
                        collection=collection,
                        language=parent.locale.language_code,
                        extracted_text=text,
                        extraction_status="extracted",
                    )
                )
            with transaction.atomic():
                documents = document_model.objects.bulk_create(documents)
                updates, references = [], []
                for (page_id, _title, body), document in zip(chunk, documents, strict=True):
                    block_id = str(uuid.uuid4())
                    raw = list(body.raw_data) + [
                        {
                            "type": "document",
                            "value": {"document": document.pk, "description": ""},
                            "id": block_id,
                        }
                    ]
                    updates.append((json.dumps(raw), page_id))
                    content_path = f"body.{block_id}.document"
                    references.append(
                        ReferenceIndex(
                            content_type=standard_type,
                            base_content_type=page_type,
                            object_id=str(page_id),
                            to_content_type=document_type,
                            to_object_id=str(document.pk),
                            model_path="body.document.document",
                            content_path=content_path,
                            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                        )
                    )
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "UPDATE home_standardpage SET body = %s WHERE page_ptr_id = %s", updates
                    )
                ReferenceIndex.objects.bulk_create(references)
            attached += len(chunk)
    return attached


def analyse():
    """Refresh the planner's statistics of the tables the corpus filled in bulk.

    A site's autovacuum would have done it by the time anyone searches; a
    benchmark server may run without it, and then the planner takes the page,
    file and reference tables for nearly empty ones (nested loops over
    thousands of rows in the visibility subqueries).
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def build(pages, seed, command_pages=1000):
    from django.core.management import call_command

    from home.models import StandardPage
    from publishing.events import paused

    with paused():
        call_command(
            "generate_content", pages=min(pages, command_pages), seed=seed, no_progress=True
        )
        parents = list(
            StandardPage.objects.filter(slug=f"generated-{seed}").select_related("locale")
        )
        if pages > command_pages:
            bulk_pages(parents, pages - command_pages, seed)
        attached = attach_files(parents, seed)
    analyse()
    print(f"{pages} pages, {attached} attached files", file=sys.stderr)


if __name__ == "__main__":
    sys.path[:0] = [".", "site"]
    django.setup()
    build(int(sys.argv[1]), int(sys.argv[2]))
