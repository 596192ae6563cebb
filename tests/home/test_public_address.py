"""Absolute links name the address the site is served at: ``BASE_URL`` in production,
the host and port of ``make run`` in development (``make run PORT=8101``)."""

import re
import subprocess
from pathlib import Path

import pytest

from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
SERVED_AT = "http://127.0.0.1:8101"


def test_make_run_hands_its_address_to_the_demo_and_the_server():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    for command in ("manage.py load_demo", "manage.py runserver 127.0.0.1:8101"):
        line = next(line for line in dry_run.splitlines() if command in line)
        assert f"BASE_URL={SERVED_AT} " in line, line


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=SERVED_AT, WAGTAILAPI_BASE_URL=SERVED_AT)
def test_sitemap_api_and_emails_follow_the_served_address(client):
    from django.core.management import call_command

    from subscriptions.emails import absolute_url

    # What `make run` does on every start, here after an earlier start on port 8000.
    call_command("load_demo", verbosity=0)
    sitemap = client.get("/sitemap.xml").content.decode()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(f"{SERVED_AT}/") for loc in locs), locs[:3]
    pages = client.get("/api/v2/pages/", {"fields": "html_url"}).json()["items"]
    assert pages and all(p["meta"]["html_url"].startswith(f"{SERVED_AT}/") for p in pages)
    documents = client.get("/api/v2/documents/", {"fields": "download_url"}).json()["items"]
    assert documents and all(
        d["meta"]["download_url"].startswith(f"{SERVED_AT}/") for d in documents
    )
    assert absolute_url("/ca/").startswith(f"{SERVED_AT}/")
