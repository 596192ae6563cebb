"""Suite-wide fixtures.

The test database starts as a copy of the demo content (``load_demo``), the way
a new user first sees the site; the demo is built once and reused until what
built it changes (``tests/demo_database.py``). Each test then runs inside a
transaction that is rolled back, so tests may change anything.
"""

import pytest

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import override_settings

from .demo_database import ensure_built


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` with the browser tests as one unit and the slowest units first."""
    if config.getvalue("dist") == "loadfile":
        from .scheduling import LongestFirstScheduling

        return LongestFirstScheduling(config, log)
    return None


@pytest.fixture(scope="session")
def django_db_setup(
    django_test_environment, django_db_modify_db_settings, django_db_blocker, tmp_path_factory
):
    # django_db_modify_db_settings gives each pytest-xdist worker its own test database name.
    demo = ensure_built()
    media = demo.copy_media(tmp_path_factory.mktemp("media"))
    with override_settings(MEDIA_ROOT=str(media)):
        with django_db_blocker.unblock():
            original_name = _create_test_database(demo)
        yield
        with django_db_blocker.unblock():
            _disconnect_other_sessions()
            connection.creation.destroy_test_db(original_name, verbosity=0)


def _disconnect_other_sessions():
    """PostgreSQL refuses to drop a database someone is connected to, and the threads of some
    tests (concurrent sign-ins and saves) can leave a connection open until they are
    collected: end them, so that dropping the test database never fails the run."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def _create_test_database(demo):
    """The test database, made from the demo's build instead of by migrating; returns the
    name of the database it stands in for, which ``destroy_test_db`` wants back."""
    original_name = connection.settings_dict["NAME"]
    if demo.template is not None:
        connection.settings_dict["TEST"]["TEMPLATE"] = demo.template.name
    test_name = connection.creation._create_test_db(verbosity=0, autoclobber=True)
    connection.close()
    connection.settings_dict["NAME"] = test_name
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.ensure_connection()
    if demo.template is None:
        demo.restore_sqlite(connection.connection)
    return original_name


@pytest.fixture
def home_pages(db):
    """The home page in each language, keyed by language code."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page
    return {
        page.locale.language_code: page.specific for page in root.get_translations(inclusive=True)
    }


@pytest.fixture(autouse=True)
def _no_answers_from_an_earlier_test():
    """Each test's transaction is rolled back, never committed: answers kept per process
    (``operations.public_snapshot``, the in-memory cache), and announcements pending from
    an earlier test would describe content that no longer exists. On SQLite a rolled-back
    row's id is given again, so an image's cached renditions would answer for another."""
    from operations.public_snapshot import forget
    from publishing.events import discard_pending

    def start_afresh():
        forget()
        discard_pending()
        for cache in caches.all(initialized_only=True):
            if isinstance(cache, LocMemCache):  # this process's own; never a shared server
                cache.clear()

    start_afresh()
    yield
    start_afresh()


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server (aiosmtpd) for the run, started by the first test that asks."""
    from .subscriptions.smtp import SMTPServer

    with SMTPServer() as server:
        yield server


@pytest.fixture
def mailbox(smtp_server, settings):
    """Django sends through the real SMTP server; the mailbox starts empty."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    smtp_server.mailbox.clear()
    yield smtp_server.mailbox
    smtp_server.mailbox.clear()
