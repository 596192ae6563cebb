"""The network's name and address are words, so each language has its own: the footer
shows the reader's, and the secretariat edits them in the admin."""

import pytest

from django.contrib.auth import get_user_model

from home.models import NetworkDetails

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "address", "name"),
    [
        ("ca", "Adreça d'exemple", "Xarxa de Municipis per l'Economia Social i Solidària"),
        ("es", "Dirección de ejemplo", "Red de Municipios por la Economía Social y Solidaria"),
        (
            "en",
            "Example address",
            "Network of Municipalities for the Social and Solidarity Economy",
        ),
    ],
)
def test_the_footer_shows_the_readers_address_and_name(client, language, address, name):
    html = client.get(f"/{language}/").content.decode().replace("&#x27;", "'")
    footer = html.split('class="site-footer"')[1]
    assert address in footer and name in footer


def test_without_its_language_the_default_languages_details_are_shown(client):
    NetworkDetails.objects.filter(locale__language_code="en").delete()
    html = client.get("/en/").content.decode().replace("&#x27;", "'")
    assert "Adreça d'exemple" in html.split('class="site-footer"')[1]


def test_the_secretariat_edits_each_languages_details(client):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    for details in NetworkDetails.objects.all():
        url = f"/admin/snippets/home/networkdetails/edit/{details.pk}/"
        assert client.get(url).status_code == 200
