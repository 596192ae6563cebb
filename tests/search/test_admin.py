import pytest

from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(user)
    return client


def test_analytics_report_lists_top_and_zero_result_queries(admin_client, client):
    admin_client.get("/ca/search/", {"q": "cap resultat possiblexyz"})
    response = admin_client.get("/admin/search-analytics/", {"language": "ca"})
    assert response.status_code == 200
    assert "cap resultat possiblexyz" in response.content.decode()


def test_synonyms_are_editable_as_a_snippet(admin_client):
    response = admin_client.get("/admin/snippets/search/synonym/")
    assert response.status_code == 200
