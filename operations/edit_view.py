"""Wagtail's page edit view, reading what it already has instead of asking again.

The edit view reads the page row once (with its open workflow prefetched),
then builds the page being edited from the latest revision as a second, bare
instance, so everything asked of that instance went back to the database:

* the revision's own page, fetched again through the revision's generic
  relation, although the view holds that very row;
* the open workflow state (the lock, the status panel, the action menu and
  our review hooks each asked), and the scheduled revision, both already read
  for the page row;
* each translation's content type and tree path, one query each, because the
  translations were read with ``only()`` and then asked for their permissions.

This view hands those answers over, to a POST's choice of action and form
checks too. A POST forgets them once the form is valid, before its action
runs: saving, submitting or publishing may start or end a workflow or
schedule a revision, and what follows must read them afresh.

*Submit* saves its revision without validating the page a second time: the
form has just validated it, every field required (as Wagtail's own draft save
does after its form). The second validation asked again whether the slug is
free among the siblings, whether the group exists, whether the tree path and
translation key (which the form cannot change) are unique.
"""

from functools import partial

from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from . import edit_conflicts, known_objects, workflow_lookup


class PageEditView(EditView):
    def get_object(self):
        record = self.real_page_record
        revision = self.latest_revision if record.has_unpublished_changes else None
        if revision is None:
            page = record.get_latest_revision_as_object()
            _prefetch_inline_references(page)
        else:
            # ``Revision.as_object()`` without re-reading the page through the revision.
            page = record.with_content_json(revision.content)
            # ``with_content_json`` read the parent for the URL path; the view asks next.
            if hasattr(record, "_cached_parent_obj"):
                page._cached_parent_obj = record._cached_parent_obj
        self._share_what_was_read(record, page)
        return page

    def form_valid(self, form):
        # What dispatch read held until now (the choice of action, the form's checks);
        # the action may change it.
        for name in ("_current_workflow_states", "scheduled_revision"):
            self.page.__dict__.pop(name, None)
        return super().form_valid(form)

    def submit_action(self):
        page = self.page
        page.save_revision = partial(type(page).save_revision, page, clean=False)
        try:
            return super().submit_action()
        finally:
            del page.save_revision

    def _share_what_was_read(self, record, page):
        if hasattr(record, "_current_workflow_states"):
            page._current_workflow_states = record._current_workflow_states
        page.__dict__["scheduled_revision"] = self.scheduled_revision
        page.latest_revision = self.latest_revision
        page.__dict__[edit_conflicts.LATEST_REVISION_READ] = self.latest_revision
        workflow_lookup.hold_answer(page)

    def get_page_for_status(self):
        page = super().get_page_for_status()
        if page is not self.page and self.request.method == "GET":
            self._share_what_was_read(self.real_page_record, page)
        return page

    def get_translations(self):
        if self.request.method == "POST":
            # Shown by the form's side panel only: a valid POST redirects without it.
            return SimpleLazyObject(self._translations)
        return self._translations()

    def _translations(self):
        user = self.request.user
        translations = (
            self.page.get_translations()
            .only("id", "locale", "depth", "path", "content_type")
            .select_related("locale")
        )
        return [
            {
                "locale": translation.locale,
                "url": reverse("wagtailadmin_pages:edit", args=[translation.id]),
            }
            for translation in translations
            if translation.permissions_for_user(user).can_edit()
        ]


def _prefetch_inline_references(page):
    """Read the page's inline rows with what they point at, a query per relation and model.

    The live page's rows (tags, files, topics) are otherwise read lazily, then
    each row's tag or file once more, by the tags field and each chooser.
    """
    lookups = []
    for relation in get_all_child_relations(type(page)):
        name = relation.get_accessor_name()
        lookups.append(name)
        for field in relation.related_model._meta.concrete_fields:
            if field.many_to_one and not isinstance(field, ParentalKey):
                lookups.append(f"{name}__{field.name}")
    prefetch_related_objects([page], *lookups)
    for relation in get_all_child_relations(type(page)):
        for row in getattr(page, relation.get_accessor_name()).all():
            known_objects.remember(
                field.get_cached_value(row)
                for field in row._meta.concrete_fields
                if field.many_to_one and field.is_cached(row)
            )


class ProjectPageViewSet(PageViewSet):
    """The default viewset of every page type, with the edit view above."""

    edit_view_class = PageEditView
