"""An image Pillow cannot read is a form error in the admin, never a 500 (documents.image_forms)."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def _png(width=40, height=30):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def secretariat(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="secretaria"))
    return client


def _upload(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
        },
    )


def test_a_whole_png_is_uploaded(secretariat):
    assert _upload(secretariat, "sencera.png", _png()).status_code == 302
    assert get_image_model().objects.filter(title="sencera.png").exists()


def test_a_truncated_png_gets_a_form_error(secretariat):
    truncated = _png()[:60]
    response = _upload(secretariat, "tallada.png", truncated)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.filter(title="tallada.png").exists()
