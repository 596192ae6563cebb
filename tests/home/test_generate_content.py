"""`generate_content` makes a reproducible bulk tree for benchmarks."""

import pytest

from django.core.management import CommandError, call_command

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def generated_titles(seed):
    return list(
        StandardPage.objects.filter(slug__endswith=f"-{seed}-0").values_list(
            "title", "locale__language_code"
        )
    ) + sorted(
        StandardPage.objects.filter(url_path__contains=f"/generated-{seed}/").values_list(
            "title", flat=True
        )
    )


def test_same_seed_gives_the_same_pages_in_three_languages():
    call_command(
        "generate_content", pages=30, seed=7, no_progress=True, stdout=open("/dev/null", "w")
    )
    first = generated_titles(7)
    StandardPage.objects.filter(url_path__contains="/generated-7/").delete()
    call_command(
        "generate_content", pages=30, seed=7, no_progress=True, stdout=open("/dev/null", "w")
    )
    assert generated_titles(7) == first
    pages = StandardPage.objects.filter(url_path__contains="/generated-7/").exclude(
        slug="generated-7"
    )
    assert pages.count() == 30
    assert set(pages.values_list("locale__language_code", flat=True)) == {"ca", "es", "en"}


def test_zero_pages_is_refused():
    with pytest.raises(CommandError):
        call_command("generate_content", pages=0)
