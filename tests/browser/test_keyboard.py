"""The main journeys work with the keyboard alone, with a visible focus."""

import re

from playwright.sync_api import expect


def _active(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(), id: el.id, cls: el.className,
                href: el.getAttribute('href'),
                focusVisible: el.matches(':focus-visible'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== 'none',
                visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
            };
        }"""
    )


def _tab_until(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = _active(page)
        if predicate(state):
            return state
    raise AssertionError("the element was never reached with Tab")


def test_the_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(page):
    page.goto("/ca/")
    page.keyboard.press("Tab")
    state = _active(page)
    assert state["href"] == "#main"
    assert state["visible"] and state["focusVisible"]
    assert state["outline"] or state["shadow"], "the focused skip link shows no focus indicator"
    page.keyboard.press("Enter")
    assert _active(page)["id"] == "main"


def test_every_focused_control_of_the_header_shows_where_the_focus_is(page):
    page.goto("/ca/")
    unmarked = []
    for _ in range(12):
        page.keyboard.press("Tab")
        state = _active(page)
        if state["tag"] in {"a", "button", "input", "select"} and not (
            state["outline"] or state["shadow"]
        ):
            unmarked.append(state)
    assert unmarked == []


def test_search_is_reached_and_submitted_with_the_keyboard(page):
    page.goto("/ca/")
    _tab_until(page, lambda state: state["id"] == "site-search")
    page.keyboard.type("habitatge")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ca/search/\?.*q=habitatge"))
    expect(page.locator("main h3 a").first).to_be_visible()
    # On to the first result, still with the keyboard.
    first_result = page.locator("main h3 a").first.get_attribute("href")
    _tab_until(page, lambda state: state["href"] == first_result, limit=120)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(first_result.split("#")[0]) + "$"))
