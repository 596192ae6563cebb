"""Who could edit the network settings may still edit the network's name and address,
which moved to ``NetworkDetails`` (0004): add (its translations) and change."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally made after migrating; this migration needs them now.
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    details = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=["add_networkdetails", "change_networkdetails"],
    )
    for group in Group.objects.filter(
        permissions__content_type__app_label="home",
        permissions__codename="change_networksettings",
    ):
        group.permissions.add(*details)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_network_details"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
