"""Inside the bench's database: N more library items, reproducibly (like ``generate_content``).

    python -m bench.library_export.generate 50000 [--seed 1]   (run by bench.library_export.run)

``generate_content`` makes general pages; the library lists guides and policy
documents, so this makes those, the same way (``add_child`` in batches of one
transaction each, a fixed seed, publishing's announcements paused): policy
documents of every kind and level under the Catalan library, each with two or
three of the demo's topics and, one in four, one of the demo's public files.
"""

import argparse
import datetime
import random

import django

WORDS = (
    "cooperativa habitatge cures contractació pública responsable economia social solidària "
    "municipi ajuntament consell comarcal guia assemblea ateneu cooperatiu finances ètiques "
    "mutualitat empresa comunitària digitalització programari lliure crisi climàtica fons"
).split()


def main(count, seed, batch=500):
    django.setup()
    from django.db import transaction

    from wagtail.documents import get_document_model
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from knowledge.models import KnowledgeAttachment, LibraryPage, PolicyDocumentPage
    from knowledge.models.policy import POLICY_KINDS
    from publishing.events import paused
    from publishing.visibility import public_files
    from taxonomy.models import Topic

    library = LibraryPage.objects.get(locale__language_code="ca")
    topics = list(Topic.objects.filter(locale=library.locale))
    documents = list(public_files(get_document_model().objects.all())[:5])
    levels = [value for value, _label in PolicyDocumentPage.Level.choices]
    rng = random.Random(seed)
    created = 0
    # The files are public through the demo's pages already; the reference index of 50,000
    # generated pages is not what is measured, and updating it would take most of the time.
    with paused(), disable_reference_index_auto_update():
        while created < count:
            with transaction.atomic():
                for _ in range(min(batch, count - created)):
                    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
                    page = PolicyDocumentPage(
                        title=f"{title} {created}",
                        slug=f"bench-{seed}-{created}",
                        kind=rng.choice(POLICY_KINDS)[0],
                        level=rng.choice(levels),
                        summary=" ".join(rng.choice(WORDS) for _ in range(40)),
                        authors="Xarxa de Municipis per l'ESS",
                        issuing_body="Parlament de Catalunya",
                        publication_date=datetime.date(2015 + created % 10, 1 + created % 12, 1),
                        locale=library.locale,
                    )
                    page.topics = rng.sample(topics, k=min(len(topics), rng.randint(2, 3)))
                    if documents and created % 4 == 0:
                        page.attachments.add(KnowledgeAttachment(document=rng.choice(documents)))
                    library.add_child(instance=page)
                    library.refresh_from_db(fields=["numchild", "path", "depth"])
                    created += 1
            print(f"{created}/{count}", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    main(arguments.count, arguments.seed)
