"""Wagtail's file admin views, plus one rule: a file that live pages use stays, with its
file, unless someone the rule allows (``documents.authority``) removes it.

Wagtail 8 has no before-delete or before-edit hook for documents and images, so
``documents.wagtail_hooks`` routes the same admin paths to these subclasses
(registered before Wagtail's, so its named URLs and buttons stay the same) and
replaces the bulk delete actions. Each check runs after Wagtail's own permission
check, so nobody learns which pages use a file they may not touch anyway.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect

from wagtail.admin import messages
from wagtail.documents.views import documents
from wagtail.documents.views import multiple as documents_multiple
from wagtail.documents.views.bulk_actions import DeleteBulkAction as DocumentsDeleteBulkAction
from wagtail.images.views import images
from wagtail.images.views import multiple as images_multiple
from wagtail.images.views.bulk_actions import DeleteBulkAction as ImagesDeleteBulkAction

from .authority import live_pages_of, may_remove_used_file, refusal, warning


def _refusal(user, obj):
    """Why ``user`` may not remove ``obj`` (its live pages), or None when they may."""
    pages = live_pages_of(obj)
    if pages and not may_remove_used_file(user, obj):
        return refusal(obj, pages)
    return None


def _tell_about_live_use(request, obj):
    """Warn before a removal: who may not, why; who may, which live pages will change."""
    pages = live_pages_of(obj)
    if pages:
        allowed = may_remove_used_file(request.user, obj)
        messages.warning(request, warning(obj, pages) if allowed else refusal(obj, pages))


class GuardedDeleteMixin:
    """Refuses with a message and goes back to the file; warns those who may delete."""

    file_edit_url_name = None

    def run_before_hook(self):
        # Runs inside dispatch, once Wagtail's permission check has passed.
        refused = _refusal(self.request.user, self.object)
        if refused:
            messages.error(self.request, refused)
            return redirect(self.file_edit_url_name, self.object.pk)
        if self.request.method == "GET":
            _tell_about_live_use(self.request, self.object)
        return super().run_before_hook()


class GuardedEditMixin:
    """Title, description and the rest stay editable; a new file is refused with a 403."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The template response renders after this returns, so the message shows on it.
        _tell_about_live_use(request, self.object)
        return response

    def form_valid(self, form):
        refused = "file" in form.changed_data and _refusal(self.request.user, self.object)
        if not refused:
            return super().form_valid(form)
        # The form already copied its values onto the object: show the stored file again.
        self.object.refresh_from_db()
        form.add_error("file", refused)
        self.produced_error_code = "permission_denied"
        self.produced_error_message = self.get_error_message()
        response = self.form_invalid(form)
        response.status_code = 403
        return response


class GuardedMultipleDeleteMixin:
    """The multiple-upload page's delete button (JSON): a 403 with the reason."""

    def post(self, request, *args, **kwargs):
        self.model = self.get_model()  # as Wagtail's post does: its permission policy needs it
        obj = get_object_or_404(self.model, pk=kwargs[self.pk_url_kwarg])
        refused = _refusal(request.user, obj)
        if refused and self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", obj
        ):
            return JsonResponse({"success": False, "error_message": refused}, status=403)
        return super().post(request, *args, **kwargs)


class GuardedBulkDeleteMixin:
    """Files the rule keeps are listed as not deletable, with the reason; the rest go."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.refusals = {}

    def check_perm(self, obj):
        if not super().check_perm(obj):
            return False
        refused = _refusal(self.request.user, obj)
        if refused:
            self.refusals[obj.pk] = refused
        return not refused

    def get_context_data(self, **kwargs):
        # Only the confirmation page (GET) renders this: the form has no fields to fail.
        context = super().get_context_data(**kwargs)
        for refused in self.refusals.values():
            messages.error(self.request, refused)
        for entry in context["items"]:
            _tell_about_live_use(self.request, entry["item"])
        return context


class DocumentDeleteView(GuardedDeleteMixin, documents.DeleteView):
    file_edit_url_name = "wagtaildocs:edit"


class DocumentEditView(GuardedEditMixin, documents.EditView):
    pass


class DocumentMultipleDeleteView(GuardedMultipleDeleteMixin, documents_multiple.DeleteView):
    pass


class DocumentBulkDelete(GuardedBulkDeleteMixin, DocumentsDeleteBulkAction):
    pass


class ImageDeleteView(GuardedDeleteMixin, images.DeleteView):
    file_edit_url_name = "wagtailimages:edit"


class ImageEditView(GuardedEditMixin, images.EditView):
    pass


class ImageMultipleDeleteView(GuardedMultipleDeleteMixin, images_multiple.DeleteView):
    pass


class ImageBulkDelete(GuardedBulkDeleteMixin, ImagesDeleteBulkAction):
    pass
