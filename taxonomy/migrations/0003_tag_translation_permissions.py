"""Who may edit topics (the secretariat) may also name tags in each language (0002)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally made after migrating; this migration needs them now.
    app_config = apps.get_app_config("taxonomy")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    tag_translations = Permission.objects.filter(
        content_type__app_label="taxonomy",
        codename__in=["add_tagtranslation", "change_tagtranslation", "delete_tagtranslation"],
    )
    for group in Group.objects.filter(
        permissions__content_type__app_label="taxonomy", permissions__codename="change_topic"
    ):
        group.permissions.add(*tag_translations)


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0002_tag_translation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
