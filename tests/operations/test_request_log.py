"""Every request leaves one JSON line (operations.requestlog), for a fleet's log collector."""

import io
import json
import logging

import pytest

from django.core.cache import caches

from operations.requestlog import HEADER, JsonLinesFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_log():
    """The lines the ``operations.requests`` logger writes, as production formats them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    logger = logging.getLogger("operations.requests")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_each_request_is_one_json_line_with_method_path_status_duration_and_id(client, request_log):
    response = client.get("/ca/")
    assert response.status_code == 200
    (line,) = request_log()
    assert line["method"] == "GET" and line["path"] == "/ca/" and line["status"] == 200
    assert line["duration_ms"] > 0
    assert line["request_id"] == response[HEADER]
    assert line["level"] == "INFO" and line["logger"] == "operations.requests"


def test_the_query_string_is_left_out(client, request_log):
    client.get("/ca/search/?q=habitatge+cooperatiu")
    (line,) = request_log()
    assert line["path"] == "/ca/search/"
    assert "habitatge" not in json.dumps(line)


def test_errors_and_refusals_are_logged_too(client, request_log):
    client.get("/ca/no-such-page-here/")
    client.post("/health/")
    assert [line["status"] for line in request_log()] == [404, 405]


def test_the_proxys_request_id_is_kept_and_a_malformed_one_replaced(client, request_log):
    kept = client.get("/robots.txt", HTTP_X_REQUEST_ID="proxy-1234abcd")
    replaced = client.get("/robots.txt", HTTP_X_REQUEST_ID="bad id\nwith a newline")
    assert kept[HEADER] == "proxy-1234abcd"
    assert replaced[HEADER] != "bad id\nwith a newline" and len(replaced[HEADER]) == 32
    assert [line["request_id"] for line in request_log()] == [kept[HEADER], replaced[HEADER]]


def test_pages_served_from_the_page_cache_are_logged_with_their_own_id(
    client, request_log, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    caches[settings.PAGE_CACHE_ALIAS].clear()
    first, second = client.get("/ca/"), client.get("/ca/")
    lines = request_log()
    assert [line["page_cache"] for line in lines] == ["miss", "hit"]
    assert first[HEADER] != second[HEADER]
    assert [line["request_id"] for line in lines] == [first[HEADER], second[HEADER]]
