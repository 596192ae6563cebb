"""Production settings pass Django's deployment checklist with no warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Set by the browser tests' conftest for Playwright's sync API inside this test
# process; it is not part of a deployment and would fail async.E001.
TEST_PROCESS_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def _manage(*args, **env):
    environment = {
        **{key: value for key, value in os.environ.items() if key not in TEST_PROCESS_ONLY},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48)[:50],
        "ALLOWED_HOSTS": "example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_check_deploy_reports_no_issue():
    result = _manage("check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_plain_http_smoke_mode_is_flagged_by_check_deploy():
    # Turning HTTPS off is for local smoke tests only; the checklist says so.
    result = _manage("check", "--deploy", SECURE_SSL_REDIRECT="off")
    assert "security.W008" in result.stderr + result.stdout
