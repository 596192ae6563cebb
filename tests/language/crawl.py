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
    """The text a reader sees: no scripts, styles or head. With ``skip_language``, what
    the page marks as written in that language is left out: links to files in it
    (``hreflang``) and passages in it (``lang``, e.g. a Catalan file's description);
    with ``skip_class``, the elements of that class."""

    HIDDEN = {"script", "style", "head", "template", "noscript"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self, skip_language, skip_class):
        super().__init__(convert_charrefs=True)
        self.skip_language = skip_language
        self.skip_class = skip_class
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        skipped = (
            tag in self.HIDDEN
            or (
                self.skip_language is not None
                and self.skip_language in (attrs.get("lang"), attrs.get("hreflang"))
            )
            or (
                self.skip_class is not None
                and self.skip_class in (attrs.get("class") or "").split()
            )
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


def visible_text(html, skip_language=None, skip_class=None):
    parser = _VisibleText(skip_language, skip_class)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))
