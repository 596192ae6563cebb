"""The search statement's matching part is compiled once and filled per query
(``search.retrieval.MatchingTemplate``): it must be the very statement the ORM
builds for the same query, so that keeping it changes nothing but the time."""

import pytest

from search.backends import get_backend
from search.engine import base_queryset
from search.query import parse
from search.retrieval import MATCHING_FIELDS, MatchingTemplate, Window, _sort_key

pytestmark = pytest.mark.django_db

QUERIES = ["cooperatives", '"economia social"', "habitatge cooperatiu", "ESS guia"]


def _orm_statement(queryset, match, fields, key=None):
    if key is not None:
        queryset = queryset.extra(select={"sort_key": key[0]}, select_params=key[1])
    queryset = queryset.extra(where=[match.where[0]], params=match.where[1])
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    return sql, list(params)


@pytest.mark.parametrize("languages", [("ca",), ("ca", "en", "es")])
@pytest.mark.parametrize("raw_query", QUERIES)
def test_the_kept_template_gives_the_statement_the_orm_builds(languages, raw_query):
    match = get_backend().match(parse(raw_query), list(languages))
    window = Window(sort="relevance", start=0, size=10, preferred_language="ca", pool_size=200)
    key = _sort_key(match, window)

    # One queryset for both: its visibility conditions name the moment they were built.
    visible = base_queryset(list(languages))

    template = MatchingTemplate.compile(visible)
    statement = template.matching(match.where, key)
    assert statement == _orm_statement(visible, match, MATCHING_FIELDS, key)
    assert len(statement[1]) > len(key[1]) + len(match.where[1])  # the visibility's own
    held = MatchingTemplate.compile(visible, ("id",))
    assert held.matching(match.where) == _orm_statement(visible, match, ("id",))


def test_a_search_through_the_template_finds_what_it_should(client):
    response = client.get("/api/search/?q=cooperatives&lang=ca")
    assert response.status_code == 200
    assert response.json()["total"] > 0
