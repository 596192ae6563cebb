"""The home page: the network's front door in each language."""

import pytest

from wagtail import hooks

pytestmark = pytest.mark.django_db


def test_home_lists_its_menu_sections(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/working-groups/"' in html
    assert 'href="/en/about-the-network/"' in html


def test_other_apps_add_sections_to_the_home_page_through_a_hook(client, tmp_path, settings):
    template_dir = tmp_path / "templates"
    (template_dir / "probe").mkdir(parents=True)
    (template_dir / "probe" / "section.html").write_text(
        "<section><h2>{{ section.heading }}</h2></section>"
    )
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}
    settings.TEMPLATES = [engine]

    def probe_section(request, page):
        return {"template": "probe/section.html", "heading": "Probe section", "order": 1}

    with hooks.register_temporarily("home_page_sections", probe_section):
        html = client.get("/ca/").content.decode()
    assert "<h2>Probe section</h2>" in html


def test_home_page_shows_network_contact_details_in_the_footer(client):
    html = client.get("/ca/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "secretaria@xmess.example" in footer
    assert "Telegram" in footer and "YouTube" in footer
