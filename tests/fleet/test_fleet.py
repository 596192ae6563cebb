"""Everything that counts or purges is fleet-wide: what one app server does, the other
sees on its next request, and the task worker does the work either of them queues."""

import datetime
import secrets
import string
import time
from urllib.parse import quote, urlsplit

import psycopg

from django.conf import settings
from django.utils.html import escape

from .visitor import Visitor

WRONG_PASSWORD = {"username": "fleet-nobody", "password": "not-the-password"}


def _answer():
    """A complete questionnaire answer, as the browser posts it."""
    year = str(datetime.date.today().year)
    return {
        "organisation_name": "Ajuntament de Prova",
        "county": "Garrotxa",
        "year": year,
        "respondent_name": "Núria Prova",
        "respondent_role": "Tècnica",
        "respondent_email": "nuria@example.org",
        "areas": ["climate"],
        "needs_description": "Volem una comunitat energètica.",
        "consent": "on",
        "hiring-TOTAL_FORMS": "1",
        "hiring-INITIAL_FORMS": "0",
        "hiring-MIN_NUM_FORMS": "0",
        "hiring-MAX_NUM_FORMS": "12",
        "hiring-0-sector": "",
        "hiring-0-year": "",
        "hiring-0-contracts": "",
        "hiring-0-estimated_amount": "",
    }


def _upload(fleet, secretariat, title, filename, content):
    """Upload a document through app server A into the published collection; its id."""
    a = fleet.servers[0]
    assert secretariat.get(a, "/admin/documents/add/").status == 200
    added = secretariat.post(
        a,
        "/admin/documents/add/",
        {"title": title, "collection": fleet.arranged["collection_id"], "tags": ""},
        files={"file": (filename, content)},
    )
    assert added.status == 302, added.text[-2000:]
    listed = Visitor().get(fleet.servers[1], f"/api/v2/documents/?title={quote(title)}").json()
    (document,) = listed["items"]
    return document


def _word():
    """A word no demo content holds."""
    return "flotilla" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


def test_a_page_cached_by_one_server_is_served_by_the_other(servers):
    a, b = servers
    visitor = Visitor()
    rendered = visitor.get(a, "/ca/")
    assert rendered.status == 200 and "X-Page-Cache" in rendered.headers
    served = visitor.get(b, "/ca/")
    assert served.status == 200 and served.headers["X-Page-Cache"] == "hit"
    assert served.body == rendered.body


def test_a_publish_through_one_server_shows_on_the_others_next_anonymous_request(
    fleet, secretariat
):
    a, b = fleet.servers
    arranged = fleet.arranged
    title = escape(arranged["product_title"])
    anonymous = Visitor()
    group_page = anonymous.get(b, arranged["group_path"])
    assert group_page.status == 200 and escape(arranged["listed_title"]) in group_page.text
    cached = anonymous.get(b, arranged["group_path"])
    assert cached.headers["X-Page-Cache"] == "hit" and title not in cached.text
    assert anonymous.get(b, arranged["product_path"]).status == 404

    approve = (
        f"/admin/pages/workflow/action/{arranged['product_id']}/approve/"
        f"{arranged['task_state_id']}/"
    )
    assert secretariat.post(a, approve, {"comment": ""}).status == 302

    after = anonymous.get(b, arranged["group_path"])
    assert after.status == 200 and after.headers["X-Page-Cache"] == "miss"
    assert title in after.text
    assert anonymous.get(b, arranged["product_path"]).status == 200


def test_sign_in_failures_count_across_servers(fleet):
    a, b = fleet.servers
    limit = int(fleet.env["SIGNIN_MAX_PER_ACCOUNT_AND_ADDRESS"])
    visitor = Visitor()
    visitor.get(a, "/admin/login/")
    alternating = [(a, b)[n % 2] for n in range(limit)]
    # Each refusal gives the form back: neither server alone has seen the limit...
    assert [visitor.post(s, "/admin/login/", WRONG_PASSWORD).status for s in alternating] == (
        [200] * limit
    )
    # ...but together they have, and both refuse the next attempt.
    assert visitor.post(b, "/admin/login/", WRONG_PASSWORD).status == 429
    assert visitor.post(a, "/admin/login/", WRONG_PASSWORD).status == 429


def test_questionnaire_answers_count_across_servers(fleet):
    a, b = fleet.servers
    path = fleet.arranged["questionnaire_path"]
    limit = settings.QUESTIONNAIRE_MAX_PER_ADDRESS
    visitor = Visitor()
    assert visitor.get(a, path).status == 200
    alternating = [(a, b)[n % 2] for n in range(limit)]
    assert [visitor.post(s, path, _answer()).status for s in alternating] == [302] * limit
    assert visitor.post(a, path, _answer()).status == 429
    assert visitor.post(b, path, _answer()).status == 429


def test_a_file_uploaded_through_one_server_is_served_by_the_other(fleet, secretariat):
    content = f"Fleet upload {secrets.token_hex(8)}\n".encode()
    document = _upload(fleet, secretariat, "Fleet upload", "fleet-upload.txt", content)
    served = Visitor().get(fleet.servers[1], urlsplit(document["meta"]["download_url"]).path)
    assert served.status == 200
    assert served.body == content


def test_extraction_queued_by_one_server_is_done_by_the_worker_and_seen_by_every_server(
    fleet, secretariat
):
    a, b = fleet.servers
    word = _word()
    search = f"/ca/search/?q={word}&lang=all"
    title = f"Fleet extraction {word[-8:]}"
    assert title not in Visitor().get(a, search).text
    content = f"Aquest fitxer parla de {word}.".encode()
    document = _upload(fleet, secretariat, title, "fleet-extraction.txt", content)
    edit = f"/admin/documents/edit/{document['id']}/"
    deadline = time.monotonic() + 60
    while "Text extret" not in secretariat.get(b, edit).text:
        assert time.monotonic() < deadline, "the worker did not extract the text within 60 s"
        time.sleep(0.5)
    assert "Text extret" in secretariat.get(a, edit).text
    for server in (a, b):
        found = Visitor().get(server, search)
        assert found.status == 200 and title in found.text
    assert _task_runs(fleet, document["id"]) == [("SUCCESSFUL", ["fleet-worker"])]


def _task_runs(fleet, document_id):
    """Status and worker of each extraction task queued for the document."""
    with psycopg.connect(fleet.env["DATABASE_URL"]) as connection:
        return [
            tuple(row)
            for row in connection.execute(
                "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
                " WHERE task_path LIKE %s AND args_kwargs -> 'args' = %s::jsonb",
                ["%extract_document_text", f"[{document_id}]"],
            )
        ]
