"""Objects a reading request already holds, so the admin's choosers need not read them again.

A chooser widget (document, image, page, snippet) is rendered from the id its
form holds and reads the object back, one query per chooser: a guide's files
cost a query each on every view of its edit form. The code that has just read
those objects in bulk (``operations.revision_loading``, ``operations.edit_view``)
records them here for the rest of the request, and ``install()`` lets Wagtail's
choosers take them from here. Only inside a GET (``operations.request_memo``):
elsewhere nothing is recorded and every chooser reads as before.
"""

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
            obj = known(self.model_class, value)
            if obj is not None:
                return obj
        return original(self, value)

    get_instance.uses_known_objects = True
    BaseChooser.get_instance = get_instance
