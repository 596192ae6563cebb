"""Suite-wide fixtures.

The test database is built once per run with the demo content (``load_demo``),
the way a new user first sees the site; each test then runs inside a
transaction that is rolled back, so tests may change anything.
"""

import pytest

from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture
def home_pages(db):
    """The home page in each language, keyed by language code."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page
    return {
        page.locale.language_code: page.specific for page in root.get_translations(inclusive=True)
    }
