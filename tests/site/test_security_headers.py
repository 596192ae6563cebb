"""Security headers on every response, public pages and admin alike."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_forbid_inline_scripts_and_framing(client):
    response = client.get("/ca/")
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_public_pages_send_the_other_security_headers(client):
    response = client.get("/ca/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_not_found_pages_carry_the_policy_too(client):
    response = client.get("/ca/no-such-page/")
    assert response.status_code == 404
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_only_the_admin_gets_the_relaxed_policy_it_needs(client):
    response = client.get("/admin/login/")
    directives = _directives(response)
    assert "'unsafe-inline'" in directives["style-src"]
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


class _InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles, handlers,
    and assets from other hosts."""

    DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
        if "style" in attrs:
            self.problems.append(f"<{tag} style=…> inline style")
        if tag == "style":
            self.problems.append("<style> element")
        if (
            tag == "script"
            and not attrs.get("src")
            and attrs.get("type") not in self.DATA_SCRIPT_TYPES
        ):
            self.problems.append("inline <script>")
        for name in ("src", "srcset") if tag in {"img", "script", "source"} else ():
            self._check_host(tag, attrs.get(name))
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self._check_host(tag, attrs.get("href"))

    def _check_host(self, tag, value):
        for candidate in re.split(r",\s*", value or ""):
            url = candidate.strip().split(" ")[0]
            if urlsplit(url).netloc:
                self.problems.append(f"<{tag}> loads {url} from another host")


def test_public_pages_have_no_inline_code_or_foreign_assets(public_html_pages):
    problems = {}
    for (kind, language), (path, html) in public_html_pages.items():
        parser = _InlineCode()
        parser.feed(html)
        if parser.problems:
            problems[f"{kind} ({language}) {path}"] = sorted(set(parser.problems))
    assert problems == {}
