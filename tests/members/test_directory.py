"""The public directory shows only what members agreed to publish."""

import pytest

from members.models import Member

pytestmark = pytest.mark.django_db


def test_the_directory_lists_members_that_agreed_to_be_published(client, directory_pages):
    html = client.get(directory_pages["ca"].url).content.decode()
    assert "Ajuntament d&#x27;exemple del Bages" in html
    assert "Vallès Occidental" in html


def test_the_directory_hides_members_that_did_not_agree(client, directory_pages):
    html = client.get(directory_pages["ca"].url).content.decode()
    assert "Baix Llobregat" not in html
    assert "Priorat" not in html


def test_the_directory_never_shows_contact_people_or_the_elected_official(client, directory_pages):
    for page in directory_pages.values():
        html = client.get(page.url).content.decode()
        assert "example.org/" in html or "exemple" in html
        assert "@example.org" not in html
        assert "Persona de contacte" not in html
        assert "Regidoria" not in html
        assert "+34" not in html


def test_the_directory_links_groups_in_the_visitor_s_language(client, directory_pages):
    html = client.get(directory_pages["en"].url).content.decode()
    assert "Housing cooperatives" in html
    assert "Habitatge cooperatiu" not in html


def test_the_directory_filters_by_county(client, directory_pages):
    html = client.get(directory_pages["es"].url + "?county=Bages").content.decode()
    assert "Ajuntament d&#x27;exemple del Bages" in html
    assert "Osona</p>" not in html


def test_an_unknown_county_shows_everyone_rather_than_failing(client, directory_pages):
    response = client.get(directory_pages["en"].url + "?county=%3Cscript%3E")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_former_members_are_not_listed(client, directory_pages):
    Member.objects.filter(name="Ajuntament d'exemple del Bages").update(status="left")
    assert (
        "Bages"
        not in client.get(directory_pages["ca"].url)
        .content.decode()
        .split("<main", 1)[1]
        .split("<select", 1)[-1]
    )
