"""A draft save does not re-index the page: what the indexes read has not changed.

Saving a draft (``Page.save_revision``) stores the content in a new revision
and then saves the page row with ``update_fields`` naming only Wagtail's draft
bookkeeping (latest revision, draft title, "has unpublished changes", the
comments). Wagtail's reference index and the admin search index
(``modelsearch``) still rebuilt the page's entries from the live row on every
such save: some twenty-five queries for a guide, growing with its tags and
files, for entries that come out identical. Publishing, moving or any other
save still updates both.

Both libraries connect a module-level receiver when their app is ready (and
Wagtail reconnects its own after each migration), looking the function up by
name each time. ``install()`` wraps those functions in their modules before
then (``operations`` is listed before Wagtail), so every connection and
disconnection uses the wrapper.
"""

from functools import wraps

from wagtail.models import COMMENTS_RELATION_NAME

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


def install():
    """Wrap the reference index's and the search index's ``post_save`` receivers."""
    import modelsearch.signal_handlers as search_receivers
    import wagtail.signal_handlers as wagtail_receivers

    search_receivers.post_save_signal_handler = unless_draft_bookkeeping(
        search_receivers.post_save_signal_handler
    )
    wagtail_receivers.update_reference_index_on_save = unless_draft_bookkeeping(
        wagtail_receivers.update_reference_index_on_save
    )
