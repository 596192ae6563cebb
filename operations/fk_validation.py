"""Validating a foreign key the save already holds does not ask the database again.

Django's ``ForeignKey.validate`` (run by ``full_clean``) asks the database
whether the referenced row exists. Wagtail validates every revision, workflow
state, task state and log entry it writes, each pointing at objects it has in
hand: the user, the page, the revision just saved, the workflow, a content
type. Submitting a guide asked some thirty such questions, approving it more.

``install()`` answers without a query when the instance already holds the very
object its key names, as loaded or saved in this process (so it exists), and,
for content types, from Django's own content-type cache. Anything else (a bare
id, a ``limit_choices_to``) is checked exactly as before; and the database's
foreign-key constraint still guards the write itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import ForeignKey


def _held(field, value, instance):
    """True when ``instance`` holds the saved object whose key is ``value``."""
    if field.get_limit_choices_to():
        return False
    if field.is_cached(instance):
        target = field.get_cached_value(instance)
        return (
            target is not None
            and not target._state.adding
            # The column (``page_ptr_id`` for a key to a page type), not the parent object.
            and getattr(target, field.target_field.attname) == value
        )
    if field.remote_field.model is ContentType and field.remote_field.field_name == "id":
        try:
            ContentType.objects.get_for_id(value)  # cached for the process once read
        except ContentType.DoesNotExist:
            return False
        return True
    return False


def install():
    original = ForeignKey.validate
    if getattr(original, "trusts_held_objects", False):
        return

    def validate(self, value, model_instance):
        if (
            value is not None
            and not self.remote_field.parent_link
            and model_instance is not None
            and _held(self, value, model_instance)
        ):
            # Field-level checks (choices, null, blank) still apply.
            return super(ForeignKey, self).validate(value, model_instance)
        return original(self, value, model_instance)

    validate.trusts_held_objects = True
    ForeignKey.validate = validate
