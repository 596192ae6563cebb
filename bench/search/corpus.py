"""Build a benchmark corpus inside a configured database (run by ``bench.search.run``).

Pages come from ``manage.py generate_content`` (home's reproducible bulk pages);
this adds what that command does not: attached files with extracted text, one
for every fifth page, linked from the page body so Wagtail's reference index
records the attachment exactly as an editor's upload would.
"""

import random
import sys

import django


def build(pages, seed):
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import transaction

    from wagtail.documents import get_document_model

    from home.management.commands.generate_content import WORDS_BY_LANGUAGE
    from home.models import StandardPage
    from search.signals import indexing_paused

    document_model = get_document_model()
    with indexing_paused():
        call_command("generate_content", pages=pages, seed=seed, no_progress=True)
        rng = random.Random(seed)
        parents = StandardPage.objects.filter(slug=f"generated-{seed}")
        attached = 0
        for parent in parents:
            children = list(parent.get_children().specific().order_by("path")[::5])
            language = parent.locale.language_code
            words = WORDS_BY_LANGUAGE[language]
            for start in range(0, len(children), 200):
                with transaction.atomic():
                    for page in children[start : start + 200]:
                        text = " ".join(rng.choice(words) for _ in range(1500))
                        text += f" annex{page.pk} fitxer{rng.randint(1, 500)}"
                        document = document_model(
                            title=f"Annex {page.title}"[:255],
                            language=language,
                            extracted_text=text,
                            extraction_status="extracted",
                        )
                        document.file.save(
                            f"annex-{page.pk}.txt", ContentFile(text.encode()), save=False
                        )
                        document.save()
                        page.body = list(page.body.raw_data) + [
                            {"type": "document", "value": {"document": document.pk, "description": ""}}
                        ]
                        page.save()
                        attached += 1
    print(f"attached {attached} files", file=sys.stderr)


if __name__ == "__main__":
    sys.path[:0] = [".", "site"]
    django.setup()
    build(int(sys.argv[1]), int(sys.argv[2]))
