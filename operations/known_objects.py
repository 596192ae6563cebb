"""Objects a reading request already holds, so the admin's choosers need not read them again.

A chooser widget (document, image, page, snippet) is rendered from the id its
form holds and reads the object back, one query per chooser: a guide's files
cost a query each on every view of its edit form. The code that has just read
those objects in bulk (``operations.revision_loading``, ``operations.edit_view``)
records them here for the rest of the request, and ``install()`` lets Wagtail's
choosers take them from here. Only inside a GET (``operations.request_memo``):
elsewhere nothing is recorded and every chooser reads as before.

Saving an edit form is the same story for its inline rows: Django's
``ModelChoiceField`` reads each row's chosen object (a guide's file) and the
row itself (the hidden ``id``) one query at a time, two queries a file.
``install_bulk_choices()`` has an inline formset (``modelcluster``'s, as the
admin's inline panels use) read the objects all its rows name in one query per
field before its forms are cleaned; each row's field then takes its object
from that answer. A value the answer lacks (unknown, malformed) is checked by
the field exactly as before, with the same error.
"""

from modelcluster.forms import BaseChildFormSet

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField, ModelMultipleChoiceField

from wagtail.admin.widgets.chooser import BaseChooser

from .request_memo import once_per_request


def _known():
    return once_per_request(("known_objects",), dict)


def remember(objects):
    known = _known()
    for obj in objects:
        if obj is not None and obj.pk is not None:
            known[(obj._meta.concrete_model, obj.pk)] = obj


def known(model, value):
    """The object of ``model`` with primary key ``value`` if this request holds it, else None."""
    try:
        pk = model._meta.pk.to_python(value)
    except Exception:  # noqa: BLE001 — an odd value is simply not known
        return None
    obj = _known().get((model._meta.concrete_model, pk))
    return obj if isinstance(obj, model) else None


def install():
    original = BaseChooser.get_instance
    if getattr(original, "uses_known_objects", False):
        return

    def get_instance(self, value):
        if value is not None and not isinstance(value, self.model_class):
            try:
                self.model_class._meta.pk.to_python(value)
            except ValidationError:
                return None  # not an id (a hand-made POST): chosen nothing, as for a missing one
            obj = known(self.model_class, value)
            if obj is not None:
                return obj
        return original(self, value)

    get_instance.uses_known_objects = True
    BaseChooser.get_instance = get_instance


def _prefetch_choices(formset):
    """Give each row's single-choice fields the objects all rows name, read once per field."""
    by_field = {}
    for form in formset.forms:
        for name, field in form.fields.items():
            if isinstance(field, ModelChoiceField) and not isinstance(
                field, ModelMultipleChoiceField
            ):
                value = form[name].data if not field.disabled else None
                if value not in field.empty_values and isinstance(value, (str, int)):
                    by_field.setdefault(name, []).append((field, str(value)))
    for rows in by_field.values():
        first = rows[0][0]
        key = first.to_field_name or "pk"
        values = sorted({value for _, value in rows})
        try:
            found = {
                str(getattr(obj, key)): obj
                for obj in first.queryset.filter(**{f"{key}__in": values})
            }
        except (ValueError, TypeError, ValidationError):
            continue  # a malformed value: each row checks its own, as before
        for field, _value in rows:
            field.bulk_choices = found


def install_bulk_choices():
    original_to_python = ModelChoiceField.to_python
    if getattr(original_to_python, "uses_bulk_choices", False):
        return

    def to_python(self, value):
        found = getattr(self, "bulk_choices", None)
        if found and isinstance(value, (str, int)) and str(value) in found:
            return found[str(value)]
        return original_to_python(self, value)

    to_python.uses_bulk_choices = True
    ModelChoiceField.to_python = to_python

    original_full_clean = BaseChildFormSet.full_clean

    def full_clean(self):
        if self.is_bound:
            _prefetch_choices(self)
        return original_full_clean(self)

    BaseChildFormSet.full_clean = full_clean
