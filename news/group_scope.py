"""Coordinators write their own group's news and events; the secretariat publishes them.

News items and events do not live inside the group sections: they sit under
the news index and the agenda, and name their group in a field
(``related_group``, ``organising_group``). Provisioning (``groups``) gives each
coordinators' group Wagtail's *add* permission on every news index and agenda;
*add* without *change* is what marks such a user here. For them:

* they may create only the page types that say ``coordinators_write`` (news
  items and events; not bulletins nor the work plan);
* the item's group is required and must be one they coordinate;
* they may edit, submit and delete (while a draft) only the items whose group
  (``knowledge.working_groups``, the one answer to "a page's group") is theirs;
* they never publish: they have no *publish* permission, so what they submit
  goes through the secretariat's review workflow.

``news`` finds a working group's coordinators by model label, never by
importing ``groups`` (``groups`` imports ``news``).
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, PagePermissionTester

from knowledge.working_groups import working_group_ids


def places_for_group_items():
    """The pages under which coordinators add their group's news and events (every language)."""
    from .models import AgendaPage, NewsIndexPage

    return [*NewsIndexPage.objects.all(), *AgendaPage.objects.all()]


def coordinated_group_keys(user):
    """Translation keys of the working groups ``user`` coordinates."""
    access = apps.get_model("groups", "WorkingGroupAccess")
    return set(
        access.objects.filter(coordinators_group__user=user).values_list(
            "translation_key", flat=True
        )
    )


def coordinated_group_pages(user, locale_id):
    """The pages, in this language if translated, of the groups ``user`` coordinates."""
    groups = apps.get_model("groups", "WorkingGroupPage").objects
    pages = {}
    for page in groups.filter(translation_key__in=coordinated_group_keys(user)).order_by("pk"):
        if page.translation_key not in pages or page.locale_id == locale_id:
            pages[page.translation_key] = page
    return list(pages.values())


def writes_for_own_group_only(user, permissions):
    """True for a coordinator here: may add items, may not change everyone's."""
    return (
        user.is_active
        and not user.is_superuser
        and "add" in permissions
        and "change" not in permissions
    )


class GroupItemPermissionTester(PagePermissionTester):
    """Wagtail's answers, except that a coordinator reaches their own group's items only."""

    def _is_coordinators_item(self):
        if not type(self.page).coordinators_write:
            return False
        if not hasattr(self, "_own_group"):
            group_id = working_group_ids([self.page]).get(self.page.pk)
            self._own_group = (
                group_id is not None
                and Page.objects.filter(
                    pk=group_id, translation_key__in=coordinated_group_keys(self.user)
                ).exists()
            )
        return self._own_group

    def _scoped(self):
        return writes_for_own_group_only(self.user, getattr(self, "permissions", set()))

    def can_edit(self):
        if self._scoped():
            return not self.page_is_root and self._is_coordinators_item()
        return super().can_edit()

    def can_delete(self, ignore_bulk=False):
        if self._scoped():
            return not self.page.live and self.page.is_leaf() and self._is_coordinators_item()
        return super().can_delete(ignore_bulk=ignore_bulk)


class GroupItemPage(Page):
    """A news item or event: tied to a working group by ``group_field``."""

    group_field = None
    coordinators_write = True

    class Meta:
        abstract = True

    @property
    def working_group_id(self):
        return getattr(self, f"{self.group_field}_id")

    def permissions_for_user(self, user):
        return GroupItemPermissionTester(user, self)


class GroupItemPageForm(WagtailAdminPageForm):
    """For a coordinator, the item's group is required, theirs, and preset when they have one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self._meta.model.group_field
        self.own_groups = None
        if not self._coordinator_writes() or name not in self.fields:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        self.own_groups = coordinated_group_pages(self.for_user, locale_id)
        self.fields[name].required = True
        if len(self.own_groups) == 1 and not self.initial.get(name):
            self.initial[name] = self.own_groups[0].pk

    def _coordinator_writes(self):
        user, parent = self.for_user, self.parent_page
        if user is None or parent is None:
            return False
        tester = parent.permissions_for_user(user)
        return writes_for_own_group_only(user, getattr(tester, "permissions", set()))

    def clean(self):
        cleaned_data = super().clean()
        name = self._meta.model.group_field
        if self.own_groups is None or name not in self.fields:
            return cleaned_data
        # Even for a draft: without their group, the item would be out of their reach.
        group = cleaned_data.get(name)
        keys = {page.translation_key for page in self.own_groups}
        if group is None or group.translation_key not in keys:
            self.add_error(name, _("Choose a working group you coordinate."))
        return cleaned_data


def refuse_types_coordinators_do_not_write(request, parent_page, page_class):
    """``before_create_page``: a coordinator adds news items and events, not bulletins."""
    permissions = getattr(parent_page.permissions_for_user(request.user), "permissions", set())
    if writes_for_own_group_only(request.user, permissions) and not getattr(
        page_class, "coordinators_write", False
    ):
        raise PermissionDenied
