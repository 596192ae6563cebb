"""The admin speaks the editor's language: their account's choice, else Catalan, never
the browser's; strings the libraries' catalogues lack or misspell come from ``language``."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def _editor(language=""):
    user = get_user_model().objects.get(username="secretaria")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_without_a_preference_the_admin_is_catalan_whatever_the_browser_says(client):
    client.force_login(_editor())
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="ca"' in html


def test_the_editors_preference_wins(client):
    client.force_login(_editor("es"))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="es"' in html


def test_the_public_site_still_follows_the_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response["Location"] == "/es/"


def test_the_translations_report_is_named_in_each_editors_language(client):
    # Wagtail builds the Reports menu once: the first editor's language must not stick.
    client.force_login(_editor("ca"))
    assert "Traduccions" in client.get("/admin/").content.decode()
    client.force_login(_editor("es"))
    html = client.get("/admin/").content.decode()
    assert "Traducciones" in html
    assert "Traduccions" not in html


def test_relative_times_and_corrected_wording_in_catalan():
    from django.contrib.humanize.templatetags.humanize import naturaltime

    with translation.override("ca"):
        moment = naturaltime(timezone.now() - datetime.timedelta(seconds=28))
        assert moment == "fa 28 segons"
        assert gettext("Changes requested %(finished_at)s") == "Canvis demanats %(finished_at)s"
    with translation.override("es"):
        assert naturaltime(timezone.now() - datetime.timedelta(seconds=28)) == "hace 28 segundos"


def test_the_translation_editor_dates_comments_in_the_editors_language():
    from wagtail_localize.models import StringTranslation

    string = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        updated_at=datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC),
    )
    with translation.override("ca"):
        assert string.get_comment() == "Traduït manualment el 2 de desembre de 2026"
    with translation.override("es"):
        assert string.get_comment() == "Traducido manualmente el 2 de diciembre de 2026"
