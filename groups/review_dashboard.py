"""The dashboard's "awaiting your review" panel, deciding through ``ReviewActionView``.

Wagtail's panel posts each decision to its workflow action view, which acts on
whichever step the URL names (even one already decided, or another page's)
and confirms nothing. The panel here is Wagtail's own with its page buttons
pointed at a subclass of that view which acts only on the page's open step,
one request at a time, and says what it did. It comes first on the dashboard
and lists the oldest request first: whoever waited longest is answered first.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState

from operations.held_publication import share_decision_objects

from .review import decision_message, is_open_step, not_in_review_message

REVIEW_ACTION_URL_NAME = "groups_review_action"


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's panel of items awaiting the user's review; page decisions go to our view."""

    order = 50  # before every other panel (Wagtail's own is 220)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"].sort(key=lambda state: state["task_state"].started_at)
        for state in context["states"]:
            if isinstance(state["obj"], Page):
                state["workflow_action_url_name"] = REVIEW_ACTION_URL_NAME
        return context


class ReviewActionView(WorkflowActionView):
    """Wagtail's workflow action view (modal form on GET, decision on POST), open step only."""

    submit_url_name = REVIEW_ACTION_URL_NAME

    def setup(self, request, *args, **kwargs):
        self.requested_step_id = kwargs.get("task_state_id")
        super().setup(request, *args, **kwargs)

    def get_object(self):
        """The page as its own type, read from the step the URL names: the step, its
        workflow, workflow state and revision in one query, then the page."""
        step = get_object_or_404(
            TaskState.objects.select_related("workflow_state__workflow", "task", "revision"),
            id=self.requested_step_id,
        ).specific
        workflow_state = step.workflow_state
        page_type = ContentType.objects.get_for_id(workflow_state.content_type_id).model_class()
        if (
            workflow_state.object_id != str(self.pk)
            or page_type is None
            or not issubclass(page_type, Page)
        ):
            raise Http404("That review step belongs to another page.")
        self.step = step
        return get_object_or_404(page_type._default_manager, pk=self.pk)

    def get_task_state(self):
        return self.step

    def dispatch(self, request, *args, **kwargs):
        if not is_open_step(self.task_state):
            return self.not_in_review(request)
        # The page's workflow in progress, just read: Wagtail's check need not ask again.
        self.object._current_workflow_states = [self.task_state.workflow_state]
        share_decision_objects(self.task_state, self.object)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # One decision per step, even when the button is pressed twice at once.
            step = TaskState.objects.select_for_update().get(pk=self.task_state.pk)
            if step.status != TaskState.STATUS_IN_PROGRESS:
                return self.not_in_review(request)
            response = super().post(request, *args, **kwargs)
        message = decision_message(self.task_state)
        if message is not None:
            messages.success(request, message)
        return response

    def not_in_review(self, request):
        messages.error(request, not_in_review_message(self.object))
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The panel's modal follows a "success" step's redirect.
            return self.render_modal_json(
                request, {"step": "success", "redirect": self.redirect_url}
            )
        return redirect(self.redirect_url)


def use_review_queue_panel(panels):
    """Put ``ReviewQueuePanel`` where Wagtail's panel was."""
    panels[:] = [
        ReviewQueuePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
