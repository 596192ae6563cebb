"""The working groups named in the 2022 work plan, their coordinators' accounts,
and two products on their way through the secretariat's review."""

from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils.text import slugify

from home.demo.builders import ensure_page, ensure_user, translate_page
from home.demo.content import content
from home.demo.covers import ensure_cover
from knowledge.models import GuidePage, KnowledgeKind

from .models import WorkingGroupIndexPage, WorkingGroupPage
from .provisioning import provision_everything

CONTENT = content("groups")
ACCOUNTS = content("accounts")


def load(context):
    index, _ = ensure_page(
        context.home,
        WorkingGroupIndexPage,
        title=CONTENT["index"]["title"],
        show_in_menus=True,
        search_description=CONTENT["index"]["description"],
    )
    translate_page(index)
    context.shared["working_groups"] = {}
    for spec in CONTENT["groups"]:
        group_page, _ = ensure_page(
            index,
            WorkingGroupPage,
            title=spec["title"],
            purpose=spec["purpose"],
            meeting_rhythm=CONTENT["meeting_rhythm"],
            partner_organisations=spec["partners"],
            search_description=spec["purpose"],
            cover_image=ensure_cover(slugify(spec["title"].ca)),
        )
        translate_page(group_page)
        context.shared["working_groups"][group_page.slug] = group_page
        if "coordinator" in spec:
            username = spec["coordinator"]
            user, account = ensure_user(username, **ACCOUNTS[username])
            _ensure_coordinator(group_page, user)
            context.add_account(account)
    # Publishing a group provisions it; this also covers sites loaded before provisioning existed.
    provision_everything()


def _ensure_coordinator(group_page, user):
    """Name the coordinator on the group page, as the secretariat would, and publish it."""
    group_page = WorkingGroupPage.objects.get(pk=group_page.pk)
    if group_page.coordinators.filter(pk=user.pk).exists():
        return
    group_page.coordinators.add(user)
    group_page.save_revision().publish()


def load_workflow_examples(context):
    """One product in review and one sent back with a comment; created once, never duplicated."""
    secretariat = get_user_model().objects.get(username="secretaria")
    groups = context.shared["working_groups"]
    # The demo emails nobody: these are examples, not real submissions.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for example in CONTENT["review_examples"]:
            group_page = groups[example["group"]]
            if group_page.get_children().filter(slug=example["slug"]).exists():
                continue
            coordinator = get_user_model().objects.get(username=example["coordinator"])
            product = GuidePage(
                title=example["title"],
                slug=example["slug"],
                summary=example["summary"],
                kind=KnowledgeKind.GUIDE,
                edition_status=GuidePage.EditionStatus.IN_PREPARATION,
                planned_year=CONTENT["review_planned_year"],
                owner=coordinator,
                live=False,
                locale=group_page.locale,
            )
            group_page.add_child(instance=product)
            product.save_revision(user=coordinator)
            workflow_state = product.get_workflow().start(product, coordinator)
            if "rejection" in example:
                task_state = workflow_state.current_task_state
                task_state.task.specific.on_action(
                    task_state, secretariat, "reject", comment=example["rejection"]
                )
