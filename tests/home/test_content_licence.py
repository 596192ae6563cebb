"""The content licence is a site setting, named in the reader's language wherever it is stated."""

import json
import re

import pytest

from wagtail.models import Site

from home.models import ContentLicence, NetworkSettings
from knowledge.models import GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkSettings.for_site(Site.objects.get(is_default_site=True))


def test_the_footer_states_the_licence_in_each_language(client, home_pages):
    catalan = client.get(home_pages["ca"].url).content.decode()
    assert "Creative Commons Reconeixement-CompartirIgual 4.0" in catalan
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/deed.ca" rel="license"' in catalan
    spanish = client.get(home_pages["es"].url).content.decode()
    assert "Creative Commons Reconocimiento-CompartirIgual 4.0" in spanish


def test_changing_the_setting_changes_the_footer_and_the_metadata(client, home_pages, network):
    guide = GuidePage.objects.live().filter(locale__language_code="ca").first()
    network.content_licence = ContentLicence.CC_BY
    network.save()
    assert "Creative Commons Reconeixement 4.0" in client.get(home_pages["ca"].url).content.decode()
    html = client.get(guide.url).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
