"""Every public page of one language of the demo, and the text a reader sees on it."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def public_paths(client, language):
    """The paths of the sitemap (every live, public page) under ``/<language>/``."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locs = ElementTree.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)
    paths = [urlsplit(loc.text).path for loc in locs]
    return [path for path in paths if path.startswith(f"/{language}/")]


def crawl(client, language):
    """``{path: html}`` of every public page in ``language``."""
    pages = {}
    for path in public_paths(client, language):
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


class _VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles or head; ``<a hreflang>`` links to
    something in another language are left out when ``skip_hreflang`` names it."""

    HIDDEN = {"script", "style", "head", "template", "noscript"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self, skip_hreflang):
        super().__init__(convert_charrefs=True)
        self.skip_hreflang = skip_hreflang
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        skipped = tag in self.HIDDEN or (
            tag == "a" and self.skip_hreflang and attrs.get("hreflang") == self.skip_hreflang
        )
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _skipped = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not any(skipped for _tag, skipped in self.stack):
            self.parts.append(data)


def visible_text(html, skip_hreflang=None):
    parser = _VisibleText(skip_hreflang)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))
