"""The editors' quick path in Chromium: two clicks to a new guide, two to approve it.

The housing coordinator signs in, presses "Guide" in their group's dashboard
panel (click 1) and is on the new guide's form; writes only a title and a
summary and saves a draft (the page starts as an edition in preparation, so
nothing else is asked), then submits it and is told so. The secretariat signs
in and approves it from the dashboard's review queue (the row's actions menu,
then "Approve": two clicks), and is told it is published.
"""

import time

from playwright.sync_api import expect

from .conftest import sign_in


def _more_actions(page, selector):
    # Buttons inside the admin's "more actions" menu: pressed as the menu would.
    page.locator(selector).first.evaluate("button => button.click()")


def test_a_coordinator_drafts_and_submits_a_guide_and_the_secretariat_approves_it(page):
    title = f"Guia ràpida {int(time.time())}"

    sign_in(page, "coord-habitatge", "habitatge-demo")
    panel = page.locator(".working-group-add")
    with page.expect_navigation():
        panel.get_by_role("link", name="Guia", exact=True).click()  # click 1
    assert "/admin/pages/add/knowledge/guidepage/" in page.url

    page.fill("#id_title", title)
    page.fill("#id_summary", "Una guia escrita amb només el títol i el resum.")
    page.wait_for_load_state("networkidle")  # the slug follows the title
    with page.expect_navigation():
        page.get_by_role("button", name="Desa esborrany").click()
    expect(page.locator(".messages")).to_contain_text(title)
    assert "/edit/" in page.url

    with page.expect_navigation():
        _more_actions(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_contain_text(title)

    page.context.clear_cookies()
    sign_in(page, "secretaria", "secretaria-demo")
    queue = page.locator("#awaiting-review-section")
    row = queue.locator("tr", has_text=title)
    row.get_by_role("button", name="Accions").click()  # click 1
    with page.expect_navigation():
        row.get_by_role("button", name="Aprova", exact=True).click()  # click 2
    expect(page.locator(".messages")).to_contain_text(title)
    expect(page.locator(".messages")).to_contain_text("publicat")
