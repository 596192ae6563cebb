"""Images in page bodies come as AVIF, WebP and JPEG renditions with srcset,
lazily loaded; AVIF works with the installed Pillow."""

import io

import pytest
from PIL import Image as PILImage
from PIL import features

from django.core.files.base import ContentFile

from wagtail.images import get_image_model

from contentblocks.blocks import BodyBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "darkgreen").save(buffer, "JPEG")
    return get_image_model().objects.create(
        title="Assemblea", file=ContentFile(buffer.getvalue(), name="assemblea.jpg")
    )


def test_pillow_can_write_avif_and_webp():
    assert features.check("avif") and features.check("webp")


def test_an_image_block_renders_a_lazy_picture_with_avif_webp_and_jpeg_srcsets(photo):
    block = BodyBlock()
    value = block.to_python(
        [
            {
                "type": "image",
                "value": {"image": photo.pk, "alt_text": "Assemblea", "decorative": False},
            }
        ]
    )
    html = block.render(value)
    assert "<picture" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert html.count("srcset=") >= 3 and "800w" in html
    assert 'loading="lazy"' in html
    assert 'alt="Assemblea"' in html


def test_an_avif_rendition_is_really_avif(photo):
    rendition = photo.get_rendition("width-480|format-avif")
    with rendition.file.open("rb") as handle:
        header = handle.read(32)
    assert b"ftypavif" in header
    assert rendition.width == 480
