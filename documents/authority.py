"""Who may change the public side of files without review: the secretariat, by one test.

Deleting a document or image, or replacing its file, changes at once every live
page that uses it; publishing a collection makes every file in it public. Both
are reserved to users holding Wagtail's collection permission **delete** for the
files (documents and images): the secretariat holds it on the root collection
(the demo's ``_ensure_secretariat_group``); coordinators never do, because
``groups.provisioning`` gives them add, change and choose only.

Why this permission, rather than a group name or a new permission: it is the one
Wagtail's group editor already offers per collection, provisioning withholds it
on purpose, and nothing else in Wagtail reads it — the admin's ownership policy
counts "change", or having uploaded the file, as enough to delete. So existing
installations need no migration and no group is recognised by its name.
"""

from functools import cache
from types import SimpleNamespace

from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionPermissionPolicy
from wagtail.permissions import policy_registry

from operations.request_memo import once_per_request
from publishing.visibility import live_pages_using


@cache
def _delete_policy(model):
    """Wagtail's plain collection policy for ``model``, where "delete" means its own record."""
    admin_policy = policy_registry.get_by_type(model)
    return CollectionPermissionPolicy(model, auth_model=admin_policy.auth_model)


def may_remove_used_file(user, obj):
    """Whether ``user`` may delete this file, or replace it, although live pages use it."""
    return _delete_policy(type(obj)).user_has_permission_for_instance(user, "delete", obj)


def may_publish_collections(user):
    """Whether ``user`` may make collections public: delete rights over every file.

    Asked by several admin menu items per page; a reading request answers once.
    """
    return once_per_request(("may_publish_collections", user.pk), lambda: _may_publish(user))


def _may_publish(user):
    # Rights propagate down the collection tree: delete rights over a file in the root
    # collection are delete rights over every file. Answered from the user's collection
    # permissions, read once per request by Wagtail's policy.
    in_the_root = SimpleNamespace(collection=Collection.get_first_root_node())
    return all(
        _delete_policy(model).user_has_permission_for_instance(user, "delete", in_the_root)
        for model in (get_document_model(), get_image_model())
    )


def live_pages_of(obj):
    """The live pages using this file, in tree order, as the messages list them."""
    return list(live_pages_using(obj).select_related("locale").order_by("path"))


def describe_pages(pages):
    """“Title (ca), Títol (es)”: the pages as a message names them."""
    return ", ".join(f"“{page.title}” ({page.locale.language_code})" for page in pages)


def refusal(obj, pages):
    return _(
        "“%(file)s” is used by these live pages: %(pages)s. Only the technical secretariat "
        "can delete it or replace its file."
    ) % {"file": obj.title, "pages": describe_pages(pages)}


def warning(obj, pages):
    return _(
        "“%(file)s” is used by these live pages: %(pages)s. Deleting it or replacing its "
        "file changes them at once, with no review."
    ) % {"file": obj.title, "pages": describe_pages(pages)}
