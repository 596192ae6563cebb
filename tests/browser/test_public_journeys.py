"""What a member municipality's staff do on the public site, in a real browser."""

import re
from pathlib import Path

from playwright.sync_api import expect


def test_home_to_library_to_guide_to_file_download(page):
    page.goto("/ca/")
    page.locator("a[href='/ca/biblioteca/']").first.click()
    expect(page).to_have_url(re.compile(r"/ca/biblioteca/$"))
    expect(page.locator("h1")).to_be_visible()
    page.locator(".library-list a", has_text="Guia").first.click()
    expect(page.locator(".downloads")).to_be_visible()
    with page.expect_download() as download_info:
        page.locator(".downloads a.download__link").first.click()
    download = download_info.value
    path = Path(download.path())
    assert path.stat().st_size > 0
    assert download.suggested_filename.lower().endswith((".pdf", ".odt", ".docx"))


def test_search_with_filters(page):
    page.goto("/ca/")
    page.fill("#site-search", "habitatge")
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/ca/search/\?.*q=habitatge"))
    results = page.locator("main h3 a")
    expect(results.first).to_be_visible()
    unfiltered = results.count()
    # On a desktop the filters are a sidebar, unfolded (on a phone: test_search_on_a_phone).
    expect(page.locator("details.search__filters > summary")).to_be_hidden()
    facet_option = (
        page.locator("main nav ul li a:not([aria-current])")
        .filter(has_text=re.compile(r"\(\d+\)"))
        .first
    )
    facet_option.click()
    page.wait_for_load_state()
    selected = page.locator("main nav a[aria-current='true']")
    expect(selected.first).to_be_visible()
    assert "q=habitatge" in page.url and page.url.count("=") >= 2
    assert 0 < page.locator("main h3 a").count() <= unfiltered


def test_language_switch_leads_to_the_same_page_in_the_other_language(page):
    page.goto("/ca/biblioteca/")
    page.locator(".language-switcher a[hreflang='en']").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/en/library/") or "/en/" in page.url
    english_path = page.url
    page.locator(".language-switcher a[hreflang='es']").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.locator(".language-switcher a[hreflang='en']").click()
    assert page.url == english_path


def test_agenda_to_an_event_to_its_calendar_file(page):
    page.goto("/ca/agenda/")
    page.locator("main a[href^='/ca/agenda/']").filter(has_not_text="Pla de treball").first.click()
    ics_link = page.locator("main a[type='text/calendar']").first
    expect(ics_link).to_be_visible()
    with page.expect_download() as download_info:
        ics_link.click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in content
