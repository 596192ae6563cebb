"""Saving a page that someone else saved since you opened it always warns, never overwrites.

Wagtail 8 sends, with every page edit form, the revision the editor loaded
(``loaded_revision_id`` and its ``loaded_revision_created_at``), but compares
them with the latest revision only for autosave requests. A plain post (Save
draft, Publish, Submit for review) saves over whatever was saved meanwhile,
and the notice "this page has been updated" appears only if the editing
session's ping (every ten seconds) ran between the other save and this one:
hence 3 silent overwrites in 8 tries.

* ``refuse_a_stale_save`` (``before_edit_page``): when Wagtail's own
  ``is_out_of_date`` says the loaded revision is not the latest, nothing is
  saved. The edit form comes back with what the editor typed, a warning that
  names who saved and when, and the latest revision as the loaded one: saving
  again, after comparing in the history, is a deliberate choice.
* ``warn_of_a_save_in_between`` (``after_edit_page``): when another save landed
  between that check and this save (two posts within milliseconds), the editor
  is warned after the fact; both versions are in the page's history.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, Revision

EDIT_VIEW = "wagtailadmin_pages:edit"


def _is_form_post_to_the_edit_view(request):
    match = getattr(request, "resolver_match", None)
    return (
        request.method == "POST"
        and match is not None
        and match.view_name == EDIT_VIEW
        and request.accepts("text/html")
        and not request.POST.get("overwrite_revision_id")  # autosave: Wagtail checks it
    )


def _describe(revision):
    return {
        "user": get_user_display_name(revision.user) if revision.user else _("Someone"),
        "time": date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT"),
    }


def _history_button(page):
    return messages.button(reverse("wagtailadmin_pages:history", args=(page.pk,)), _("History"))


class StaleSaveView(EditView):
    """The edit view answering a stale post: the posted form back, with a warning, unsaved."""

    def post(self, request, *args, **kwargs):
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        if self.action_name == "save":
            self.form.defer_required_fields()
        self.form.is_valid()
        self.form.restore_required_fields()
        messages.warning(
            request,
            _(
                "%(user)s saved this page at %(time)s, after you opened it. Your changes have "
                "not been saved: they are in the form below. Compare with the latest version "
                "in the history, then save again to keep yours."
            )
            % _describe(self.latest_revision),
            buttons=[_history_button(self.page)],
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


#: Set on its page by the edit view (``operations.edit_view``): the latest revision it
#: read at the start of this very request.
LATEST_REVISION_READ = "_latest_revision_read_by_the_edit_view"


def _latest_revision(page):
    """The page's latest revision as the database has it now: as the edit view read it
    a moment ago in this request, or in one query."""
    if LATEST_REVISION_READ in page.__dict__:
        return page.__dict__[LATEST_REVISION_READ]
    record = Page.objects.select_related("latest_revision").only("latest_revision").get(pk=page.pk)
    return record.get_latest_revision()


def refuse_a_stale_save(request, page):
    if getattr(request, "_stale_save_checked", False) or not _is_form_post_to_the_edit_view(
        request
    ):
        return None
    request._stale_save_checked = True  # StaleSaveView runs this hook again
    check = EditView()
    check.setup(request, page_id=page.pk)
    check.latest_revision = _latest_revision(page)
    if not check.is_out_of_date:
        return None
    return StaleSaveView.as_view()(request, page_id=page.pk)


def warn_of_a_save_in_between(request, page):
    if not _is_form_post_to_the_edit_view(request):
        return None
    loaded = request.POST.get("loaded_revision_id", "")
    if not loaded:
        return None
    # The save just made is the newest revision; the one before it, in the same query.
    newest = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("-created_at", "-pk")
    latest, previous = [*newest[:2], None, None][:2]
    if latest is None or str(latest.pk) == loaded:
        return None
    if previous is not None and str(previous.pk) != loaded:
        messages.warning(
            request,
            _(
                "%(user)s saved this page at %(time)s, while you were saving it. Your version "
                "is the latest now; compare both in the history."
            )
            % _describe(previous),
            buttons=[_history_button(page)],
        )
    return None
