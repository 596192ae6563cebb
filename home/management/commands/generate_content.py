"""Bulk content for benchmarks: a reproducible tree of pages in the three languages."""

import random

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Site

from home.models import StandardPage

WORDS = (
    "cooperativa habitatge cures contractació pública responsable economia social solidària "
    "municipi ajuntament consell comarcal guia assemblea ateneu cooperatiu finances ètiques "
    "mutualitat empresa comunitària digitalització programari lliure crisi climàtica fons "
    "mentoria assessorament quota membres xarxa grup treball producte campanya llei clàusula"
).split()
WORDS_BY_LANGUAGE = {
    "ca": WORDS,
    "es": (
        "cooperativa vivienda cuidados contratación pública responsable economía social solidaria "
        "municipio ayuntamiento consejo comarcal guía asamblea ateneo cooperativo finanzas éticas "
        "mutualidad empresa comunitaria digitalización software libre crisis climática fondos "
        "mentoría asesoramiento cuota miembros red grupo trabajo producto campaña ley cláusula"
    ).split(),
    "en": (
        "cooperative housing care procurement public responsible economy social solidarity "
        "municipality council county guide assembly hub cooperative finance ethical mutual "
        "enterprise community digitalisation free software climate crisis funds mentoring "
        "advice fee members network group work product campaign law clause"
    ).split(),
}


class Command(BaseCommand):
    help = "Create N general pages spread over the ca, es and en trees (reproducible with --seed)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="How many pages to create.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; same seed, same pages."
        )
        parser.add_argument("--batch", type=int, default=200, help="Pages per transaction.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, pages, seed, batch, no_progress, **options):
        if pages < 1:
            raise CommandError("--pages must be at least 1.")
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: run `manage.py load_demo` first.")
        homes = {
            locale.language_code: site.root_page.get_translation_or_none(locale)
            for locale in Locale.objects.all()
        }
        homes = {
            code: home
            for code, home in homes.items()
            if home is not None and code in WORDS_BY_LANGUAGE
        }
        parents = {code: self._bulk_parent(home, seed) for code, home in homes.items()}
        rng = random.Random(seed)
        codes = sorted(parents)
        progress = tqdm(total=pages, unit="page", disable=no_progress)
        created = 0
        while created < pages:
            with transaction.atomic():
                for _ in range(min(batch, pages - created)):
                    code = codes[created % len(codes)]
                    parent = parents[code]
                    words = WORDS_BY_LANGUAGE[code]
                    title = " ".join(rng.choice(words) for _ in range(5)).capitalize()
                    body = " ".join(rng.choice(words) for _ in range(rng.randint(60, 240)))
                    page = StandardPage(
                        title=title,
                        slug=f"{slugify(title)[:40]}-{seed}-{created}",
                        introduction=body[:400],
                        body=[("paragraph", f"<p>{body}</p>")],
                        locale=parent.locale,
                    )
                    parent.add_child(instance=page)
                    created += 1
                    progress.update(1)
                    parent.refresh_from_db(fields=["numchild", "path", "depth"])
        progress.close()
        self.stdout.write(self.style.SUCCESS(f"Created {created} pages with seed {seed}."))

    def _bulk_parent(self, home, seed):
        """A container page per language, so generated pages stay apart from real content."""
        slug = f"generated-{seed}"
        parent = home.get_children().filter(slug=slug).first()
        if parent is None:
            parent = StandardPage(title=f"Generated content {seed}", slug=slug, locale=home.locale)
            home.add_child(instance=parent)
        return parent.specific
