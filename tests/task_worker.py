"""Run the tasks production's database backend queued, as its worker does, inside a test.

The worker (``db_worker``) checks the database connection between tasks and
closes one inside a transaction, as each test's is (on PostgreSQL that is the
test's own connection): here that check is left out, the rest is the worker's.
"""

from unittest import mock

from django.core.management import call_command


def run_queued_tasks():
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
