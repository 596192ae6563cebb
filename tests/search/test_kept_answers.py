"""Synonyms and promoted results are kept per process until the public view changes
(``operations.public_snapshot``); an editor's change to either is that kind of change,
so it shows at the very next search."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import Synonym


def _titles(client, q):
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


def test_a_synonym_saved_by_an_editor_applies_at_the_next_search(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Pàgina de l'economia transformadora", "Polítiques d'economia transformadora.")
    assert page.title in _titles(client, "economia transformadora")
    assert _titles(client, "zzqxess") == []  # the synonyms are now kept, without this one
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(language="ca", expressions="zzqxess\neconomia transformadora")
    assert page.title in _titles(client, "zzqxess")


def test_a_promotion_saved_or_removed_by_an_editor_shows_at_the_next_search(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Pàgina promocionada", "res a veure")
    html = client.get("/ca/search/", {"q": "habitatge"}).content.decode()
    assert "Habitatge" in html and "Pàgina promocionada" not in html  # promotions kept
    with django_capture_on_commit_callbacks(execute=True):
        promotion = SearchPromotion.objects.create(
            query=Query.get("habitatge"), page=page, sort_order=0
        )
    assert "Pàgina promocionada" in client.get("/ca/search/", {"q": "habitatge"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        promotion.delete()
    assert (
        "Pàgina promocionada" not in client.get("/ca/search/", {"q": "habitatge"}).content.decode()
    )
