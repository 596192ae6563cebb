"""The search API labels its results in the language asked for, not the site's default."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "query", "label"),
    [
        ("ca", "habitatge", "Grup de treball"),
        ("es", "vivienda", "Grupo de trabajo"),
        ("en", "housing", "Working group"),
    ],
)
def test_type_labels_follow_the_requested_language(client, language, query, label):
    data = client.get("/api/search/", {"q": query, "lang": language}).json()
    labels = {hit["type_label"] for hit in data["results"]}
    assert label in labels, labels
    type_facet = {option["label"] for option in data["facets"].get("type", [])}
    assert not type_facet or label in type_facet, type_facet
