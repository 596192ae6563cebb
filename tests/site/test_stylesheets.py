"""Stylesheets are linked in the head only: a link in the body restyles the page as it loads."""

import re

import pytest

pytestmark = pytest.mark.django_db

STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")


def test_every_public_page_links_its_stylesheets_in_the_head(public_html_pages):
    outside = []
    for (kind, language), (path, html) in sorted(public_html_pages.items()):
        head, _, body = html.partition("</head>")
        assert STYLESHEET.search(head), f"{kind} ({language}) {path} links no stylesheet"
        outside += [f"{kind} ({language}) {path}: {link}" for link in STYLESHEET.findall(body)]
    assert outside == []


def test_the_home_page_links_the_stylesheet_of_the_news_it_shows(client):
    head = client.get("/ca/").content.decode().partition("</head>")[0]
    assert "news/news" in head
