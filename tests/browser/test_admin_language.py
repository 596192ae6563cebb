"""The admin speaks the editor's language on the screens editors use: a Catalan editor
(no preference, an English browser) and a Spanish editor (their account's choice) walk
the dashboard, a page's editor and its workflow history, the translation editor, the
document chooser and the date picker, and meet no English interface text."""

import json
import re

import pytest

from .conftest import sign_in

# Interface words Wagtail and wagtail-localize write in English when a catalogue lacks a
# string; none of them is a Catalan or Spanish word, nor in the demo's Catalan or Spanish text.
ENGLISH_INTERFACE = [
    "Dashboard",
    "Pages",
    "Images",
    "Reports",
    "Settings",
    "Translations",
    "More actions",
    "Save Selected",
    "Save draft",
    "Publish",
    "Preview",
    "History",
    "Edit",
    "Cancel",
    "Choose",
    "Upload",
    "Search",
    "Status",
    "Live",
    "Draft",
    "Translated manually",
    "seconds ago",
    "minutes ago",
    "hours ago",
    "days ago",
    "translation",
    "Workflow",
    "Approved",
    "Changes requested",
]
ENGLISH = re.compile(r"\b(" + "|".join(map(re.escape, ENGLISH_INTERFACE)) + r")\b")
MISSPELLED = ["demantats"]


def _query(demo_server, expression):
    script = f"from wagtail.models import *\nfrom news.models import NewsPage\nprint({expression})"
    return demo_server.shell(script).strip().splitlines()[-1]


def _set_language(demo_server, username, language):
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.users.models import UserProfile\n"
        f"profile = UserProfile.get_for_user(get_user_model().objects.get(username={username!r}))\n"
        f"profile.preferred_language = {language!r}\n"
        "profile.save()\n"
    )
    demo_server.shell(script)


def _screens(demo_server):
    in_review = _query(demo_server, "WorkflowState.objects.order_by('pk').first().object_id")
    translated = _query(
        demo_server, "Page.objects.get(slug='quienes-somos', locale__language_code='es').pk"
    )
    news = _query(
        demo_server,
        "NewsPage.objects.filter(locale__language_code='ca').order_by('pk').first().pk",
    )
    return {
        "dashboard": "/admin/",
        "page editor": f"/admin/pages/{in_review}/edit/",
        "workflow history": f"/admin/pages/{in_review}/workflow_history/",
        "translation editor": f"/admin/pages/{translated}/edit/",
        "news editor": f"/admin/pages/{news}/edit/",
    }


def _english(text):
    """Each English word found, with the text around it."""
    return sorted(
        {
            f"{m.group(0)} in …{text[max(0, m.start() - 40) : m.end() + 40]}…"
            for m in ENGLISH.finditer(text)
        }
    )


@pytest.mark.parametrize(
    ("username", "password", "preference", "html_lang"),
    # The secretariat edits every screen walked here; the preference is the account's.
    [
        ("secretaria", "secretaria-demo", "", "ca"),
        ("secretaria", "secretaria-demo", "es", "es"),
    ],
)
def test_an_editor_meets_no_english_on_the_main_admin_screens(
    browser, demo_server, username, password, preference, html_lang
):
    _set_language(demo_server, username, preference)
    try:
        _walk_the_admin(browser, demo_server, username, password, html_lang)
    finally:
        # The server is shared by the session's other browser tests, which expect Catalan.
        _set_language(demo_server, username, "")


def _walk_the_admin(browser, demo_server, username, password, html_lang):
    # An English browser: the admin must follow the account (or Catalan), not the browser.
    context = browser.new_context(base_url=demo_server.base_url, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, username, password)
    found = {}
    for name, path in _screens(demo_server).items():
        response = page.goto(path)
        assert response.status == 200, (name, path)
        assert page.locator("html").get_attribute("lang") == html_lang, name
        page.wait_for_load_state("networkidle")
        text = page.locator("body").inner_text()
        # Presence first: the screen shows the editor's interface text.
        assert len(text) > 100, name
        if _english(text) or any(word in text for word in MISSPELLED):
            found[name] = _english(text) + [w for w in MISSPELLED if w in text]
        if name == "news editor":
            page.locator("#id_date").click()
            picker = page.locator(".xdsoft_datetimepicker").first
            picker_text = picker.text_content() or ""
            if _english(picker_text):
                found["date picker"] = _english(picker_text)
    chooser = page.request.get("/admin/documents/chooser/")
    assert chooser.status == 200
    chooser_html = json.loads(chooser.text())["html"]
    chooser_text = re.sub(r"<[^>]+>", " ", chooser_html)
    if _english(chooser_text):
        found["document chooser"] = _english(chooser_text)
    context.close()
    assert found == {}
