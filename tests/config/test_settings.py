"""Settings come from the environment, read in one place, with safe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_settings(module, **environment):
    """Import a settings module in a clean interpreter with this environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "DEBUG",
            "DATABASE_URL",
            "ELASTICSEARCH_URL",
            "ALLOWED_HOSTS",
        }
    }
    env.update(environment)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "site"), str(ROOT)])
    code = (
        "import json, django.conf as c, os;"
        f"os.environ['DJANGO_SETTINGS_MODULE']='{module}';"
        "from django.conf import settings as s;"
        "print(json.dumps({'debug': s.DEBUG, 'engine': s.DATABASES['default']['ENGINE'],"
        " 'search': s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], 'hosts': s.ALLOWED_HOSTS}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("config.settings.production")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_a_short_or_development_key():
    assert run_settings("config.settings.production", SECRET_KEY="short").returncode != 0
    assert run_settings("config.settings.production", SECRET_KEY="dev-" + "x" * 60).returncode != 0


def test_production_starts_with_a_real_key_and_debug_off():
    result = run_settings(
        "config.settings.production", SECRET_KEY="k" * 30 + "9Zq!x" * 6, DEBUG="1"
    )
    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout


def test_database_url_selects_postgresql_and_sqlite_is_the_default():
    default = run_settings("config.settings.dev")
    assert "sqlite3" in default.stdout
    postgres = run_settings("config.settings.dev", DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert "postgresql" in postgres.stdout


def test_elasticsearch_url_selects_wagtails_elasticsearch_backend():
    default = run_settings("config.settings.dev")
    assert "backends.database" in default.stdout
    elastic = run_settings("config.settings.dev", ELASTICSEARCH_URL="http://127.0.0.1:9200")
    assert "elasticsearch9" in elastic.stdout


def test_debug_is_off_unless_set():
    assert '"debug": false' in run_settings("config.settings.base").stdout
    assert '"debug": true' in run_settings("config.settings.base", DEBUG="true").stdout


def test_allowed_hosts_come_from_the_environment():
    result = run_settings("config.settings.base", ALLOWED_HOSTS="xmess.cat, www.xmess.cat")
    assert '"hosts": ["xmess.cat", "www.xmess.cat"]' in result.stdout


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "dashboard_word"),
    [("ca", "Tauler de control"), ("es", "Panel de control"), ("en", "Dashboard")],
)
def test_admin_speaks_the_editors_language(client, language, dashboard_word):
    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(username="secretaria")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html
    assert dashboard_word in html
