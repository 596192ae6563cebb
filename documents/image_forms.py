"""The image upload form: a file Pillow cannot read is a form error, never a 500.

Wagtail's image field opens the upload with Willow and catches its errors, but
then asks for the size, which makes Pillow decode the whole image: a truncated
or corrupt file (a 60-byte PNG cut after its header) raises ``OSError`` there,
outside Wagtail's ``try``, and the upload answered 500. Set as
``WAGTAILIMAGES_IMAGE_FORM_BASE``, so the add, multiple-upload and edit forms
all use it.
"""

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ReadableImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # Any decoder error on a damaged file: Pillow's or a plugin's.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = ReadableImageField(
                label=field.label, required=field.required, widget=field.widget
            )
