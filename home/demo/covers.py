"""Cover illustrations for the demo, drawn with Pillow when the demo loads.

The demo may carry only images it is free to carry, so the project draws its
own: abstract compositions of circles and bands in the site's palette, each
seeded by a key (the page's slug), so a page gets the same cover on every load.
They are the project's work, dedicated to the public domain (CC0 1.0; see
``docs/demo-images.md``). Each cover is found again by its title.
"""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

SIZE = (1600, 900)
# Pairs of (background, shapes…) close to the site's colours.
PALETTES = [
    ("#1d4f91", "#f2c14e", "#f78154", "#e8eef7"),
    ("#2e6b4f", "#f4d35e", "#e8f1ea", "#ee964b"),
    ("#6a3d7c", "#f2a541", "#f3e9f5", "#4fb0c6"),
    ("#a23b2a", "#f6e7cb", "#2f4858", "#f2b134"),
    ("#24515e", "#9bc1bc", "#f4f1bb", "#ed6a5a"),
]


def draw_cover(key):
    """A JPEG of ``SIZE`` drawn from ``key``: the same key gives the same picture."""
    from PIL import Image, ImageDraw

    rng = random.Random(key)
    background, *colours = rng.choice(PALETTES)
    picture = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    for _ in range(3):  # wide diagonal bands
        x = rng.randint(-width // 2, width)
        band = rng.randint(80, 220)
        draw.polygon(
            [(x, height), (x + band, height), (x + band + height, 0), (x + height, 0)],
            fill=rng.choice(colours),
        )
    for _ in range(rng.randint(4, 7)):  # circles, some as rings
        radius = rng.randint(60, 260)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        box = (cx - radius, cy - radius, cx + radius, cy + radius)
        if rng.random() < 0.4:
            draw.ellipse(box, outline=rng.choice(colours), width=rng.randint(18, 40))
        else:
            draw.ellipse(box, fill=rng.choice(colours))
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=85, optimize=True)
    return output.getvalue()


def ensure_cover(key, collection=None):
    """The demo's cover for ``key`` (a Wagtail image), drawn and saved once."""
    Image = get_image_model()
    title = f"Portada: {key}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(
            title=title,
            collection=collection or Collection.get_first_root_node(),
            file=ImageFile(io.BytesIO(draw_cover(key)), name=f"portada-{key}.jpg"),
        )
        image.save()
    return image
