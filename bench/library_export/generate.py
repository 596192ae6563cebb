"""Inside the bench's database: N more library items, in bulk and reproducibly.

    python -m bench.library_export.generate 50000 [--seed 1] [--translated 0.2]
    (run by bench.library_export.run; 50,000 items take a minute or two)

Makes N items that the Catalan library lists (current guide editions and
policy documents, about one guide to two policy documents) with every kind of
metadata the export writes: kind, level, status, edition, dates, issuing
body, official link, authors, summary, two or three of the demo's topics, up
to three tags, for one item in three a demo working group, for one in four
one or two of the demo's public files, and, for a share ``--translated`` of
them, a Spanish and an English version (same translation key, topics in their
language) under those languages' libraries. The first guide of every twenty also has an
older, superseded edition, which the library leaves out (so it is not counted
in N). The same seed gives the same items.

The rows are written in bulk, in one transaction (``bench.library_export.bulk``):
live public pages that the library and its downloads return like any other,
without revisions, search index or reference index entries (the files are
public through the demo's own pages already).
"""

import argparse
import datetime
import random
import time
import uuid

import django

WORDS = {
    "ca": (
        "cooperativa habitatge cures contractació pública responsable economia social solidària "
        "municipi ajuntament consell comarcal guia assemblea ateneu cooperatiu finances ètiques "
        "mutualitat empresa comunitària digitalització programari lliure crisi climàtica fons"
    ).split(),
    "es": (
        "cooperativa vivienda cuidados contratación pública responsable economía social solidaria "
        "municipio ayuntamiento consejo comarcal guía asamblea ateneo cooperativo finanzas éticas "
        "mutualidad empresa comunitaria digitalización software libre crisis climática fondos"
    ).split(),
    "en": (
        "cooperative housing care procurement public responsible economy social solidarity "
        "municipality council county guide assembly hub cooperative finance ethical mutual "
        "enterprise community digitalisation free software climate crisis funds"
    ).split(),
}
TAGS = (
    "dades-obertes habitatge-cooperatiu compra-publica cures energia sobirania-alimentaria "
    "finances-etiques moneda-social feminismes mobilitat residus cultura turisme ocupacio"
).split()
ISSUING_BODIES = [
    "Parlament de Catalunya",
    "Generalitat de Catalunya",
    "Congreso de los Diputados",
    "Parlament Europeu",
    "Ajuntament de Barcelona",
    "Xarxa de Municipis per l'ESS",
]
AUTHORS = ["Xarxa de Municipis per l'ESS", "Secretaria tècnica", "Grup de treball de cures"]
GUIDE_SHARE = 1 / 3
GROUP_SHARE = 1 / 3
FILES_SHARE = 1 / 4
OLDER_EDITION_EVERY = 20


class Demo:
    """What the generated items refer to, read once from the demo content."""

    def __init__(self):
        from wagtail.documents import get_document_model
        from wagtail.models import Page

        from knowledge.models import LibraryPage
        from knowledge.working_groups import WORKING_GROUP_CONTENT_TYPE
        from publishing.visibility import public_files, public_pages
        from taxonomy.models import Topic

        self.libraries = {
            library.locale.language_code: library
            for library in LibraryPage.objects.select_related("locale")
        }
        self.topics = {}  # {language: {translation_key: topic id}}
        for topic in Topic.objects.select_related("locale").order_by("pk"):
            self.topics.setdefault(topic.locale.language_code, {})[topic.translation_key] = topic.pk
        self.topic_keys = list(self.topics["ca"])
        self.document_ids = list(
            public_files(get_document_model().objects.order_by("pk")).values_list("pk", flat=True)
        )
        self.group_ids = list(
            public_pages(Page.objects.filter(locale=self.libraries["ca"].locale_id))
            .filter(**WORKING_GROUP_CONTENT_TYPE)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def _tag_ids():
    from taggit.models import Tag

    return [Tag.objects.get_or_create(slug=slug, defaults={"name": slug})[0].pk for slug in TAGS]


def _date(rng, start=2008, end=2025):
    return datetime.date(rng.randint(start, end), rng.randint(1, 12), rng.randint(1, 28))


class Item:
    """One generated item: its page in each language it has, and what it relates to."""

    def __init__(self, pages, topic_keys, tag_ids, document_ids):
        self.pages = pages  # {language: unsaved page}
        self.topic_keys = topic_keys
        self.tag_ids = tag_ids
        self.document_ids = document_ids


def plan(count, seed, demo, tag_ids, translated):
    """The items (and the older guide editions they replace), decided by ``seed`` only."""
    from knowledge.models import GuidePage, PolicyDocumentPage
    from knowledge.models.guides import PRODUCT_KINDS
    from knowledge.models.policy import POLICY_KINDS

    rng = random.Random(seed)
    languages = [code for code in ("es", "en") if code in demo.libraries]
    items, older_editions = [], []
    guides = 0
    for number in range(count):
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        is_guide = rng.random() < GUIDE_SHARE
        fields = {
            "translation_key": key,
            "publication_date": _date(rng),
            "authors": rng.choice(AUTHORS),
            "working_group_id": (
                rng.choice(demo.group_ids)
                if demo.group_ids and rng.random() < GROUP_SHARE
                else None
            ),
        }
        if is_guide:
            fields.update(kind=rng.choice(PRODUCT_KINDS)[0], edition_number=1)
            model = GuidePage
        else:
            status = rng.choice(PolicyDocumentPage.DocumentStatus.values)
            adopted = _date(rng)
            ended = status in ("repealed", "superseded")
            fields.update(
                kind=rng.choice(POLICY_KINDS)[0],
                level=rng.choice(PolicyDocumentPage.Level.values),
                document_status=status,
                issuing_body=rng.choice(ISSUING_BODIES),
                official_url=f"https://dogc.example/{seed}/{number}" if rng.random() < 0.5 else "",
                adopted_on=adopted,
                in_force_from=adopted + datetime.timedelta(days=rng.randint(0, 90)),
                repealed_on=adopted + datetime.timedelta(days=rng.randint(365, 3000))
                if ended
                else None,
            )
            model = PolicyDocumentPage
        in_languages = ["ca"] + (languages if rng.random() < translated else [])
        pages = {}
        for language in in_languages:
            words = WORDS[language]
            title = " ".join(rng.choice(words) for _ in range(6)).capitalize()
            pages[language] = model(
                title=f"{title} {number}",
                slug=f"bench-{seed}-{number}",
                summary=" ".join(rng.choice(words) for _ in range(40)).capitalize() + ".",
                locale_id=demo.libraries[language].locale_id,
                **fields,
            )
        if is_guide and guides % OLDER_EDITION_EVERY == 0:
            older = GuidePage(
                title=f"{pages['ca'].title} (1a edició)",
                slug=f"bench-{seed}-{number}-1",
                summary=pages["ca"].summary,
                locale_id=demo.libraries["ca"].locale_id,
                **{**fields, "translation_key": uuid.UUID(int=rng.getrandbits(128), version=4)},
            )
            older.publication_date = fields["publication_date"] - datetime.timedelta(days=1000)
            older_editions.append((older, list(pages.values())))
            for page in pages.values():
                page.edition_number = 2
        guides += is_guide
        items.append(
            Item(
                pages,
                topic_keys=rng.sample(
                    demo.topic_keys, k=min(len(demo.topic_keys), rng.randint(2, 3))
                ),
                tag_ids=rng.sample(tag_ids, k=rng.randint(0, 3)),
                document_ids=(
                    rng.sample(demo.document_ids, k=min(len(demo.document_ids), rng.randint(1, 2)))
                    if demo.document_ids and rng.random() < FILES_SHARE
                    else []
                ),
            )
        )
    return items, older_editions


def _at_noon(date):
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC)


def write(items, older_editions, demo):
    """Insert the planned pages and their relations (call inside a transaction)."""
    from knowledge.models import KnowledgeAttachment, KnowledgePage, KnowledgePageTag

    from .bulk import add_live_children

    for older, _newer in older_editions:
        older.first_published_at = _at_noon(older.publication_date)
    add_live_children(demo.libraries["ca"], [older for older, _newer in older_editions])
    for older, newer_editions in older_editions:
        for newer in newer_editions:
            newer.previous_edition_id = older.pk
    for language, library in demo.libraries.items():
        pages = [item.pages[language] for item in items if language in item.pages]
        for page in pages:
            page.first_published_at = _at_noon(page.publication_date)
        add_live_children(library, pages)
    topics, tags, attachments = [], [], []
    Topics = KnowledgePage.topics.through
    for item in items:
        for language, page in item.pages.items():
            in_language = demo.topics.get(language, {})
            topics += [
                Topics(
                    knowledgepage_id=page.pk, topic_id=in_language.get(key, demo.topics["ca"][key])
                )
                for key in item.topic_keys
            ]
            tags += [
                KnowledgePageTag(content_object_id=page.pk, tag_id=tag) for tag in item.tag_ids
            ]
            attachments += [
                KnowledgeAttachment(page_id=page.pk, document_id=document, sort_order=order)
                for order, document in enumerate(item.document_ids)
            ]
    Topics.objects.bulk_create(topics, batch_size=5000)
    KnowledgePageTag.objects.bulk_create(tags, batch_size=5000)
    KnowledgeAttachment.objects.bulk_create(attachments, batch_size=5000)


def generate(count, seed=1, translated=0.2):
    """Add ``count`` library items in one transaction; returns how many pages that made."""
    from django.db import transaction

    with transaction.atomic():
        demo = Demo()
        if demo.libraries["ca"].get_children().filter(slug__startswith=f"bench-{seed}-").exists():
            raise ValueError(f"Items were generated with seed {seed} already: choose another.")
        items, older_editions = plan(count, seed, demo, _tag_ids(), translated)
        write(items, older_editions, demo)
    return sum(len(item.pages) for item in items) + len(older_editions)


def main(count, seed, translated):
    django.setup()
    started = time.perf_counter()
    pages = generate(count, seed, translated)
    print(
        f"generated {count} library items ({pages} pages with translations and older editions) "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="library items to add")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--translated", type=float, default=0.2, help="share of items also in es and en"
    )
    arguments = parser.parse_args()
    main(arguments.count, arguments.seed, arguments.translated)
