"""Sitemap, robots.txt and the API expose every public page, and nothing else."""

import xml.etree.ElementTree as ET

import pytest

from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    return [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]


def test_sitemap_lists_every_live_public_page_in_every_language(client):
    urls = sitemap_urls(client)
    pages = Page.objects.filter(depth__gt=1).live().public()
    assert len(urls) == pages.count()
    for prefix in ("/ca/", "/es/", "/en/"):
        assert any(url.endswith(prefix) for url in urls)
    assert any(url.endswith("/en/working-groups/housing-cooperatives/") for url in urls)


def test_sitemap_leaves_out_drafts_and_private_pages(client, home_pages):
    from home.models import StandardPage

    draft = StandardPage(title="Esborrany", slug="esborrany", live=False)
    home_pages["ca"].add_child(instance=draft)
    private = StandardPage(title="Privada", slug="privada")
    home_pages["ca"].add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    urls = sitemap_urls(client)
    assert not any("esborrany" in url or "privada" in url for url in urls)


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_api_lists_public_pages_as_json(client):
    response = client.get("/api/v2/pages/?type=groups.WorkingGroupIndexPage")
    assert response.status_code == 200
    data = response.json()
    titles = {item["title"] for item in data["items"]}
    assert "Working groups" in titles and "Grups de treball" in titles


def test_api_hides_drafts_and_private_pages(client, home_pages):
    from home.models import StandardPage

    private = StandardPage(title="Només per a membres", slug="nomes-membres")
    home_pages["ca"].add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = StandardPage(title="Text pendent", slug="text-pendent", live=False)
    home_pages["ca"].add_child(instance=draft)
    titles = {item["title"] for item in client.get("/api/v2/pages/?limit=100").json()["items"]}
    assert "Només per a membres" not in titles and "Text pendent" not in titles
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_answers_for_images_and_documents(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    assert "items" in response.json()
