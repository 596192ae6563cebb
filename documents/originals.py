"""Image originals (``/media/original_images/…``) follow the same rule as documents.

Pages show images through renditions (``/media/images/``, which the proxy
serves); an original is only reached through the API's ``download_url`` and the
admin. So originals are not served by the proxy but here: to anyone when the
image is public (``publishing.visibility.is_file_public``), to editors who may
change or choose it, and to nobody else (404). See docs/production.md.
"""

from django.http import FileResponse, Http404

from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from publishing.visibility import is_file_public

FOLDER = "original_images"


def _may_check(user, image):
    policy = policy_registry.get_by_type(get_image_model())
    return user.is_authenticated and policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], image
    )


def serve_original_image(request, name):
    image = get_image_model().objects.filter(file=f"{FOLDER}/{name}").first()
    if image is None or not (is_file_public(image) or _may_check(request.user, image)):
        raise Http404
    try:
        return FileResponse(image.file.open("rb"))
    except FileNotFoundError as missing:
        raise Http404 from missing
