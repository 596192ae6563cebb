"""The secretariat runs the public search it answers for, through the real admin:
a synonym and a promoted result change ``/ca/search/`` at once, and search
analytics opens. A coordinator reaches none of these screens."""

import time

from playwright.sync_api import expect

from .conftest import sign_in

SEARCH_SCREENS = [
    "/admin/snippets/search/synonym/",
    "/admin/snippets/search/synonym/add/",
    "/admin/searchpicks/",
    "/admin/searchpicks/add/",
    "/admin/search-analytics/",
]


def _save(page):
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()


def _results_text(visitor, query):
    response = visitor.goto(f"/ca/search/?q={query}")
    assert response.status == 200
    return visitor.locator("main").inner_text()


def test_the_secretariat_adds_a_synonym_and_a_promoted_result_and_reads_analytics(
    page, browser, demo_server
):
    # A word nobody has written on the site, new at each run.
    word = "sinonim" + "".join(chr(ord("a") + int(digit)) for digit in str(int(time.time())))
    visitor_context = browser.new_context(base_url=demo_server.base_url)
    visitor = visitor_context.new_page()
    # Presence first: the housing guide is found by its own words …
    assert "Guia de cooperativisme" in _results_text(visitor, "habitatge cooperatiu")
    # … and the new word finds nothing yet.
    before = _results_text(visitor, word)
    assert "Guia de cooperativisme" not in before

    sign_in(page, "secretaria", "secretaria-demo")
    page.goto("/admin/snippets/search/synonym/add/")
    page.select_option("select[name=language]", "ca")
    page.fill("textarea[name=expressions]", f"{word}\nhabitatge cooperatiu")
    _save(page)
    expect(page.locator(".messages")).to_contain_text(word)

    assert "Guia de cooperativisme" in _results_text(visitor, word)

    page.goto("/admin/searchpicks/add/")
    page.fill("input[name=query_string]", word)
    page.click("#id_editors_picks-ADD")
    page.fill("input[name='editors_picks-0-external_link_url']", "https://example.org/promocio")
    page.fill("input[name='editors_picks-0-external_link_text']", f"Recomanació {word}")
    _save(page)
    expect(page.locator(".messages")).to_contain_text(word)

    assert f"Recomanació {word}" in _results_text(visitor, word)

    response = page.goto("/admin/search-analytics/?language=ca")
    assert response.status == 200
    expect(page.locator("main")).to_contain_text(word)
    visitor_context.close()


def test_a_coordinator_reaches_none_of_the_search_screens(page):
    sign_in(page, "coord-habitatge", "habitatge-demo")
    for url in SEARCH_SCREENS:
        response = page.goto(url)
        refused = response.status == 403 or page.url.rstrip("/").endswith("/admin")
        assert refused, url
        assert "search/synonym/add" not in page.url and "searchpicks/add" not in page.url
    page.goto("/admin/")
    admin_home = page.content()  # the menu's items are in the sidebar's data
    assert "/admin/pages/" in admin_home
    assert "/admin/search-analytics/" not in admin_home
    assert "/admin/searchpicks/" not in admin_home
