"""Uploads are limited by type and size; images by their pixel count too."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def _png(width, height, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def _image_form(name, content):
    form_class = get_image_form(get_image_model())
    data = {"title": name, "collection": Collection.get_first_root_node().pk}
    return form_class(data=data, files={"file": SimpleUploadedFile(name, content)})


def _document_form(name, content):
    form_class = get_document_form(get_document_model())
    data = {"title": name, "collection": Collection.get_first_root_node().pk}
    return form_class(data=data, files={"file": SimpleUploadedFile(name, content)})


def test_a_small_png_is_accepted():
    assert _image_form("ok.png", _png(20, 10)).is_valid()


def test_svg_images_are_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    form = _image_form("drawing.svg", svg)
    assert not form.is_valid()
    assert "file" in form.errors


def test_a_decompression_bomb_is_refused(settings):
    # 9000 × 9000 one-bit pixels: a few kilobytes on disk, 81 megapixels once decoded.
    form = _image_form("bomb.png", _png(9000, 9000, mode="1"))
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 81_000_000
    assert not form.is_valid()
    assert "file" in form.errors


def test_images_over_the_size_limit_are_refused(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    form = _image_form("big.png", _png(400, 400) + b"\0" * 2048)
    assert not form.is_valid()


@pytest.mark.parametrize(
    "name", ["tool.exe", "page.html", "drawing.svg", "script.js", "macro.docm"]
)
def test_documents_outside_the_allowed_list_are_refused(name):
    form = _document_form(name, b"content")
    assert not form.is_valid()
    assert "file" in form.errors


@pytest.mark.parametrize("name", ["guide.pdf", "table.ods", "text.odt", "notes.txt"])
def test_documents_of_allowed_types_are_accepted(name):
    assert _document_form(name, b"content").is_valid()


def test_documents_over_the_size_limit_are_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    form = _document_form("long.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert not form.is_valid()
    assert "file" in form.errors
