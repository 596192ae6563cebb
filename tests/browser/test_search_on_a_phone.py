"""The search on a phone (390 × 844): the first result starts in the first screenful,
in every language, with or without a chosen filter; the search options and the
filters are folded in <details> that open without JavaScript, with the keyboard,
and filter. Unfolded, the page still fits 320 px and passes axe (WCAG 2.2 AA)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import LANGUAGES
from .test_accessibility import AXE_OPTIONS

PHONE = {"width": 390, "height": 844}
QUERIES = {"ca": "habitatge", "es": "vivienda", "en": "housing"}
FILTERS = {"ca": "Filtres", "es": "Filtros", "en": "Filters"}
ONE_ACTIVE = {"ca": "(1 actiu)", "es": "(1 activo)", "en": "(1 active)"}
OPTIONS = {"ca": "Opcions de cerca", "es": "Opciones de búsqueda", "en": "Search options"}
WCAG22_AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [*AXE_OPTIONS["runOnly"]["values"], "wcag22aa"]}
}


def _tab(browser, demo_server, viewport, javascript=False):
    context = browser.new_context(
        base_url=demo_server.base_url,
        viewport=viewport,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
        locale="ca-ES",
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def phone(browser, demo_server):
    """A phone's tab without JavaScript: the folds must work with HTML alone."""
    context, tab = _tab(browser, demo_server, PHONE)
    yield tab
    context.close()


def _search(tab, language, **params):
    query = "&".join(f"{key}={value}" for key, value in {"q": QUERIES[language], **params}.items())
    response = tab.goto(f"/{language}/search/?{query}")
    assert response.status == 200
    hits = tab.locator(".search__hit")
    expect(hits.first).to_be_attached()  # results exist before their place is measured
    return hits


def _first_type_filter(tab):
    """The query of the first type the filters offer, read from its link."""
    href = tab.locator("nav a[href*='type=']").first.get_attribute("href")
    return dict(pair.split("=", 1) for pair in href.split("?", 1)[1].split("&"))


def _unfold(tab):
    folded = tab.locator("details.search__fold:not([open])")
    expect(folded).to_have_count(2)  # the search options and the filters
    for _ in range(2):
        folded.first.locator("> summary").click()
    expect(folded).to_have_count(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_result_starts_in_the_first_screenful(phone, language):
    top = _search(phone, language).first.bounding_box()["y"]
    assert 0 < top < PHONE["height"], f"the first result starts {top:.0f} px down"
    filtered = _search(phone, language, **_first_type_filter(phone))
    expect(phone.locator(".search__chip")).to_have_count(1)
    top = filtered.first.bounding_box()["y"]
    assert 0 < top < PHONE["height"], f"with a filter, the first result starts {top:.0f} px down"


def test_the_folded_filters_open_with_the_keyboard_and_filter(phone):
    unfiltered = _search(phone, "ca").count()
    filter_link = phone.locator(".search__filters nav a[href*='type=']").first
    expect(filter_link).to_be_hidden()  # folded
    summary = phone.locator("details.search__filters > summary")
    expect(summary).to_have_text(FILTERS["ca"])
    for _ in range(30):
        phone.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the filters' summary")
    outline = summary.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "the focused summary shows no focus indicator"
    phone.keyboard.press("Enter")
    expect(filter_link).to_be_visible()
    filter_link.click()
    expect(phone).to_have_url(re.compile(r"[?&]type="))
    filtered = phone.locator(".search__hit")
    expect(filtered.first).to_be_visible()
    assert filtered.count() <= unfiltered
    expect(summary).to_have_text(f"{FILTERS['ca']} {ONE_ACTIVE['ca']}")
    expect(filter_link).to_be_hidden()  # folded again, the results first
    phone.locator(".search__chip").click()  # the chip removes the filter
    expect(phone).not_to_have_url(re.compile(r"[?&]type="))
    expect(phone.locator(".search__hit")).to_have_count(unfiltered)
    expect(phone.locator(".search__chip")).to_have_count(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_folded_options_open_and_change_the_search(phone, language):
    _search(phone, language)
    all_languages = phone.locator("input[name=lang][value=all]")
    expect(all_languages).to_be_hidden()
    phone.locator("details.search__settings > summary", has_text=OPTIONS[language]).click()
    all_languages.check()
    phone.locator(".search__form button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"[?&]lang=all"))
    expect(phone.locator(".search__hit").first).to_be_visible()
    expect(all_languages).to_be_checked()


def test_unfolded_at_320_px_nothing_scrolls_sideways(browser, demo_server):
    context, tab = _tab(browser, demo_server, {"width": 320, "height": 640})
    try:
        _search(tab, "ca", **{"lang": "all"})
        _search(tab, "ca", **{"lang": "all", **_first_type_filter(tab)})
        _unfold(tab)
        widths = tab.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in {widths[1]} px"
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_unfolded_with_a_chosen_filter_axe_finds_no_serious_violation(
    browser, demo_server, language
):
    context, tab = _tab(browser, demo_server, PHONE, javascript=True)  # axe runs in the page
    try:
        _search(tab, language)
        _search(tab, language, **_first_type_filter(tab))
        _unfold(tab)
        results = Axe().run(tab, options=WCAG22_AXE_OPTIONS)
    finally:
        context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
