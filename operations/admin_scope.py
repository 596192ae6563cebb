"""What the admin's API and page chooser show an editor: what they may work with.

Wagtail's document and image choosers already list only the files in
collections where the user may *choose* (a coordinator: their group's
collection), but the admin API behind the rich-text editor and the React
explorer (``/admin/api/main/documents/``, ``/images/``) lists every file with
its download address. Its endpoints are replaced here by the same rule.

The page chooser lists and searches every page, so its search showed the
titles of other sections' drafts and private pages. It now offers the pages
the user may explore (those they may edit and their ancestors, as Wagtail's
explorer shows them) and the public ones (``publishing.visibility``).
"""

from django.db.models import Q

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from publishing.visibility import public_pages


def choosable_files(queryset, user):
    """The files of ``queryset`` in collections where ``user`` may choose files."""
    policy = policy_registry.get_by_type(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(user, ["choose"])
    return queryset.filter(pk__in=allowed.values("pk"))


def choosable_pages(pages, user):
    """The pages of ``pages`` that ``user`` may explore, and the public ones."""
    if user.is_superuser:
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return pages.filter(Q(pk__in=explorable.values("pk")) | Q(pk__in=public_pages().values("pk")))


class ChoosableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return choosable_files(super().get_queryset(), self.request.user)


class ChoosableImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return choosable_files(super().get_queryset(), self.request.user)
