"""No personal data in public URLs: no email address in any link of a public page."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+(@|%40)[\w-]+\.[\w.]+")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"href", "src", "action"} and value and not value.startswith("mailto:"):
                self.urls.append(value)


def test_public_links_carry_no_email_address(public_html_pages):
    found = {}
    for (kind, language), (path, html) in public_html_pages.items():
        parser = _Links()
        parser.feed(html)
        leaks = [url for url in parser.urls if EMAIL.search(url)]
        if leaks:
            found[f"{kind} ({language}) {path}"] = leaks
    assert found == {}
