"""Wagtail's review labels and messages, translated again in this app's catalogue.

Wagtail builds the editor's approve label from two translated pieces,
``"%(label)s and Publish" % {"label": _("Approve")}``, and its Catalan
catalogue turns them into "Aprovari Publica". ``groups`` comes before Wagtail
in ``INSTALLED_APPS``, so its ``locale/`` wins for these exact msgids, in every
place Wagtail shows them (the page and snippet editors, the dashboard, the
decision modals): "Aprova i publica", "Aprobar y publicar", "Approve and
publish". A task subclass could relabel its own actions, but the "and Publish"
suffix is added by Wagtail's action menu, not by the task, so it would still
need this, plus a new model and a migration of the workflow.

The other review buttons and the messages that confirm a submission, a
cancellation or a restart are corrected the same way (Wagtail's Catalan says
"fluxe", its Spanish drops articles). The msgids are listed here so that
``makemessages`` keeps them in the catalogue.
"""

from django.utils.translation import gettext_noop

WAGTAIL_REVIEW_STRINGS = [
    gettext_noop("%(label)s and Publish"),
    gettext_noop("Approve"),
    gettext_noop("Approve with comment"),
    gettext_noop("Request changes"),
    gettext_noop("Cancel workflow "),
    gettext_noop("Restart workflow "),
    gettext_noop("Page '%(page_title)s' has been updated."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Workflow on page '%(page_title)s' has been cancelled."),
    gettext_noop("Workflow on page '%(page_title)s' has been restarted."),
]
