from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Site-wide operations: page cache, security headers, login throttle, backups."""

    name = "operations"
    verbose_name = _("Site operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            csv_cells,
            draft_saves,
            fk_validation,
            inline_rows,
            known_objects,
            login_throttle,
            pagecache,
            public_snapshot,
            revision_loading,
            slug_once,
            workflow_decisions,
            workflow_emails,
            workflow_lookup,
            workflow_start,
        )

        # Before Wagtail's and modelsearch's own ``ready`` connect their receivers.
        draft_saves.install()
        inline_rows.install()
        revision_loading.install()
        revision_loading.install_decision_log()
        fk_validation.install()
        workflow_lookup.install()
        known_objects.install()
        known_objects.install_bulk_choices()
        workflow_emails.install()
        workflow_start.install()
        slug_once.install()
        workflow_decisions.install()

        pagecache.connect_purge_signals()
        public_snapshot.connect()
        login_throttle.connect_signals()
        csv_cells.install()
