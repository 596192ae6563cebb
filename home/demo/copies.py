"""A copy of a demo database that was built under other settings, made to fit this process's.

The test suite builds the demo once under the test settings and copies it (see
``tests/demo_database.py``); the browser tests serve such a copy with the
production settings. There the site must answer at BASE_URL, and the demo
accounts' passwords must be hashed with a hasher those settings accept (the
test settings use a fast one that production refuses).
"""

from django.contrib.auth import get_user_model

from wagtail.models import Site

from .content import content
from .loader import public_address


def fit_to_settings():
    hostname, port = public_address()
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
    for username, account in content("accounts").items():
        user = get_user_model().objects.filter(username=username).first()
        if user is not None:
            user.set_password(account["password"])
            user.save(update_fields=["password"])
