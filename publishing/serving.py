"""Serving asks the same rules as every listing: a page under an unpublished
section, or a file no public page uses, answers 404 to the public.

Editors who may change the page or file still get it (they check their work);
a file in a collection with a view restriction is left to Wagtail's own
password/login check, which admits the people the restriction names.
"""

from django.http import Http404

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .visibility import is_file_public, is_page_published, restricted_collection_ids


def _is_editor(user, page):
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


@hooks.register("before_serve_page")
def hide_pages_of_unpublished_sections(page, request, serve_args, serve_kwargs):
    if not is_page_published(page) and not _is_editor(request.user, page):
        raise Http404


@hooks.register("before_serve_document")
def hide_files_no_public_page_uses(document, request):
    if document.collection_id in restricted_collection_ids():
        return None
    if is_file_public(document):
        return None
    user = request.user
    policy = policy_registry.get_by_type(get_document_model())
    if user.is_authenticated and policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    ):
        return None
    raise Http404
