"""*Settings › Public collections*: where the secretariat publishes a collection of files.

A file is public when a public page uses it or when it sits in a published
collection (``publishing.models.PublicCollection``); this is the second way. Every
action here is for ``documents.authority.may_publish_collections`` only, through a
permission policy, so coordinators get "permission denied" and see no menu item.
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Collection
from wagtail.permission_policies import BasePermissionPolicy

from publishing.models import PublicCollection

from .authority import may_publish_collections


class PublishCollectionsPolicy(BasePermissionPolicy):
    """Any action on published collections: the secretariat's, whatever the instance."""

    def user_has_permission(self, user, action):
        return may_publish_collections(user)

    def user_has_any_permission(self, user, actions):
        return may_publish_collections(user)


class PublicCollectionViewSet(ModelViewSet):
    model = PublicCollection
    icon = "globe"
    add_to_settings_menu = True
    menu_label = _("Public collections")
    form_fields = ["collection", "note"]
    list_display = ["collection", "note", "published_at"]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "collection":
            # The root holds every file: publishing it would publish them all.
            kwargs["queryset"] = Collection.objects.filter(depth__gt=1).order_by("path")
        return super().formfield_for_dbfield(db_field, **kwargs)

    def get_permissions_to_register(self):
        # The policy decides; Django's model permissions would be checkboxes that do nothing.
        return Permission.objects.none()
