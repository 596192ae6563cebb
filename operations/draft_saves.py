"""A draft save does not re-index the page: what the indexes read has not changed.

Saving a draft (``Page.save_revision``) stores the content in a new revision
and then saves the page row with ``update_fields`` naming only Wagtail's draft
bookkeeping (latest revision, draft title, "has unpublished changes", the
comments). Wagtail's reference index and the admin search index
(``modelsearch``) still rebuilt the page's entries from the live row on every
such save: some twenty-five queries for a guide, growing with its tags and
files, for entries that come out identical. Publishing, moving or any other
save still updates both.

A publication does not queue the reference index either: ``publishing.events``
refreshes the published page's entries inside the request (so that the files
it uses become public with it), and Wagtail queued the same work once for the
page and once for each of its inline rows (a task row written per file).
While ``PublishRevisionAction`` makes a page live, saves of that page and of
its rows queue nothing; a scheduled publication (the page not live yet) and
every deletion are handled as before.

Both libraries connect a module-level receiver when their app is ready (and
Wagtail reconnects its own after each migration), looking the function up by
name each time. ``install()`` wraps those functions in their modules before
then (``operations`` is listed before Wagtail), so every connection and
disconnection uses the wrapper.
"""

import contextvars
from functools import wraps

from modelcluster.fields import ParentalKey

from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import COMMENTS_RELATION_NAME, Page

_publishing = contextvars.ContextVar("page_being_published", default=None)

DRAFT_BOOKKEEPING = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
    }
)


def only_draft_bookkeeping(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_BOOKKEEPING


def unless_draft_bookkeeping(receiver):
    """A ``post_save`` receiver that ignores saves of draft bookkeeping only."""
    if getattr(receiver, "skips_draft_bookkeeping", False):
        return receiver

    @wraps(receiver)
    def wrapper(instance, **kwargs):
        if only_draft_bookkeeping(kwargs.get("update_fields")):
            return None
        return receiver(instance, **kwargs)

    wrapper.skips_draft_bookkeeping = True
    return wrapper


def being_published(instance):
    """Whether ``instance`` is the page ``PublishRevisionAction`` is publishing now."""
    page = _publishing.get()
    return page is not None and page.pk is not None and instance is page


def refreshed_by_the_publication(instance):
    """Whether ``instance`` is the page being made live, or one of its inline rows."""
    page = _publishing.get()
    if page is None or page.pk is None or not page.live:
        return False
    if isinstance(instance, Page):
        return instance.pk == page.pk
    return any(
        isinstance(field, ParentalKey)
        and isinstance(page, field.related_model)
        and getattr(instance, field.attname) == page.pk
        for field in instance._meta.concrete_fields
    )


def unless_refreshed_by_the_publication(receiver):
    """A reference index ``post_save`` receiver that leaves a publication's saves to it."""
    if getattr(receiver, "skips_publication", False):
        return receiver

    @wraps(receiver)
    def wrapper(instance, **kwargs):
        if refreshed_by_the_publication(instance):
            return None
        return receiver(instance, **kwargs)

    wrapper.skips_publication = True
    return wrapper


def _install_publication_scope():
    original = PublishRevisionAction._publish_revision
    if getattr(original, "marks_publication", False):
        return

    @wraps(original)
    def _publish_revision(self, revision, object, *args, **kwargs):
        token = _publishing.set(object)
        try:
            return original(self, revision, object, *args, **kwargs)
        finally:
            _publishing.reset(token)

    _publish_revision.marks_publication = True
    PublishRevisionAction._publish_revision = _publish_revision


def install():
    """Wrap the reference index's and the search index's ``post_save`` receivers."""
    import modelsearch.signal_handlers as search_receivers
    import wagtail.signal_handlers as wagtail_receivers

    search_receivers.post_save_signal_handler = unless_draft_bookkeeping(
        search_receivers.post_save_signal_handler
    )
    wagtail_receivers.update_reference_index_on_save = unless_refreshed_by_the_publication(
        unless_draft_bookkeeping(wagtail_receivers.update_reference_index_on_save)
    )
    _install_publication_scope()
