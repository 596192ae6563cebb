"""`load_demo` builds the network's site from its work plan, and is idempotent."""

import pytest

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the demo writes, serialised, so two runs can be compared exactly."""
    from django.apps import apps

    models = [
        Page,
        Revision,
        StringTranslation,
        get_user_model(),
        apps.get_model("auth", "Group"),
        apps.get_model("wagtailcore", "GroupPagePermission"),
    ]
    return {
        model.__name__: serializers.serialize("json", model.objects.order_by("pk"))
        for model in models
    }


def test_running_load_demo_again_changes_nothing():
    before = snapshot()
    call_command("load_demo", "--no-index", stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_demo_has_the_home_page_in_three_languages(home_pages):
    assert set(home_pages) == {"ca", "es", "en"}
    assert (
        home_pages["en"].title == "Network of Municipalities for the Social and Solidarity Economy"
    )


def test_demo_has_the_working_groups_named_in_the_work_plan():
    from groups.models import WorkingGroupPage

    catalan_titles = set(
        WorkingGroupPage.objects.filter(locale__language_code="ca").values_list("title", flat=True)
    )
    assert {
        "Habitatge cooperatiu",
        "Polítiques de cures",
        "Contractació i Compra Pública Responsable",
    } <= catalan_titles
    for code in ("es", "en"):
        assert WorkingGroupPage.objects.filter(locale__language_code=code).live().count() == len(
            catalan_titles
        )


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("secretaria", "secretaria-demo"),
        ("coord-habitatge", "habitatge-demo"),
        ("coord-cures", "cures-demo"),
        ("admin", "admin-demo"),
    ],
)
def test_each_demo_account_can_log_in_to_the_admin(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not log in"
    assert client.get("/admin/").status_code == 200


def test_load_demo_prints_the_accounts(capsys):
    call_command("load_demo", "--no-index")
    out = capsys.readouterr().out
    for username in ("secretaria", "coord-habitatge", "coord-cures", "admin"):
        assert username in out
