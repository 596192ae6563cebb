"""Browser tests: Debian's Chromium driven by Playwright against the demo served
by gunicorn (see ``server.py``). Skipped, with the reason, where Chromium is absent."""

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LANGUAGES = ["ca", "es", "en"]

# Playwright's sync API runs an event loop in this thread; the tests here never
# touch the ORM, but Django's guard would refuse fixtures that do.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(
                        reason="Debian's chromium is not installed (apt-get install chromium)"
                    )
                )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test's report ends with what the demo server logged meanwhile."""
    report = yield
    server = getattr(item, "funcargs", {}).get("demo_server")
    if report.failed and server is not None and hasattr(server, "log_tail"):
        report.sections.append(("demo server log (last lines)", server.log_tail()))
    return report


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    from .server import DemoServer

    # While writing tests: BROWSER_TEST_SERVER=<port>:<VAR_DIR> reuses a running demo.
    attached = os.environ.get("BROWSER_TEST_SERVER")
    if attached:
        port, workdir = attached.split(":", 1)
        yield DemoServer(workdir, port=int(port))
        return
    server = DemoServer(tmp_path_factory.mktemp("browser-site")).build().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def samples(demo_server):
    """One live page of each type and each language-prefixed view, per language."""
    # Asked of the server's shell, which the tests keep: no Django start of its own.
    output = demo_server.shell(
        "from django.core.management import call_command; call_command('sample_pages', '--json')"
    )
    return json.loads(output)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, demo_server):
    context = browser.new_context(
        base_url=demo_server.base_url, accept_downloads=True, locale="ca-ES"
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.csp_violations = []
    tab.on("console", lambda message: _record_csp(tab, message))
    yield tab
    context.close()


def _record_csp(tab, message):
    if "Content Security Policy" in message.text:
        tab.csp_violations.append(message.text)


def html_samples(page, samples, language):
    """The samples of one language that answer with an HTML page."""
    for sample in samples:
        if sample["language"] != language:
            continue
        response = page.request.get(sample["path"])
        if response.headers.get("content-type", "").startswith("text/html"):
            yield sample


def sign_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url("**/admin/")


def fill_slug(page, slug):
    """Type ``slug`` on the page form's tab that holds it, once the title's copy has landed.

    Wagtail copies the title into the slug when the title loses focus (clicking the
    tab), after a short delay: a copy landing while the slug is typed leaves both, one
    after the other (seen under load as ``acta-de-seguiment-1…acta-de-seguiment-1…``).
    """
    field = page.locator("#id_slug")
    # The tab's name depends on the admin's language.
    panel = field.evaluate("field => field.closest('[role=tabpanel]').id")
    page.click(f"[role=tab][aria-controls='{panel}']")
    expect(field).not_to_have_value("")
    field.fill(slug)
    expect(field).to_have_value(slug)
