"""Re-apply working-group provisioning: coordinators' groups, collections, permissions, workflow."""

from django.core.management.base import BaseCommand

from groups.provisioning import provision_everything


class Command(BaseCommand):
    help = (
        "Re-applies provisioning for every working group: its coordinators' group, its collection, "
        "their permissions inside its section only, and the secretariat's review workflow."
    )

    def handle(self, *args, **options):
        for access in provision_everything():
            group = access.coordinators_group
            members = group.user_set.count() if group else 0
            closed = group is not None and not group.page_permissions.exists()
            self.stdout.write(
                f"{access}: {members} coordinator(s), collection "
                f"“{access.collection.name if access.collection else '-'}”"
                + (" — no editing rights (closed or deleted)" if closed else "")
            )
        self.stdout.write(self.style.SUCCESS("Working groups provisioned."))
