"""Through the real admin: a coordinator submits, the secretariat approves, the
page is live for anonymous visitors at once (the page cache is purged)."""

import time

from playwright.sync_api import expect

from .conftest import fill_slug, sign_in


def _id_of(demo_server, model_filter):
    script = f"from wagtail.models import Page; print(Page.objects.get({model_filter}).pk)"
    return int(demo_server.shell(script).strip().splitlines()[-1])


def _click(page, selector):
    # Buttons of the admin's "more actions" menu: pressed as the menu would.
    page.locator(selector).first.evaluate("button => button.click()")


def test_coordinator_submits_secretariat_approves_page_goes_live(page, browser, demo_server):
    group_id = _id_of(demo_server, "slug='habitatge-cooperatiu', locale__language_code='ca'")
    stamp = int(time.time())
    title = f"Acta de seguiment {stamp}"

    sign_in(page, "coord-habitatge", "habitatge-demo")
    page.goto(f"/admin/pages/add/home/standardpage/{group_id}/")
    page.fill("#id_title", title)
    fill_slug(page, f"acta-de-seguiment-{stamp}")
    with page.expect_navigation():
        _click(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_contain_text(title)

    page_id = _id_of(demo_server, f"title='{title}'")
    anonymous = browser.new_context(base_url=demo_server.base_url)
    visitor = anonymous.new_page()
    public_url = f"/ca/grups-de-treball/habitatge-cooperatiu/acta-de-seguiment-{stamp}/"
    assert visitor.goto(public_url).status == 404
    visitor.goto("/ca/grups-de-treball/habitatge-cooperatiu/")  # cached from now on

    page.context.clear_cookies()
    sign_in(page, "secretaria", "secretaria-demo")
    page.goto(f"/admin/pages/{page_id}/edit/")
    with page.expect_navigation():
        _click(
            page,
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])",
        )
    expect(page.locator(".messages")).to_contain_text(title)  # the decision was taken

    response = visitor.goto(public_url)
    assert response.status == 200
    assert title in visitor.locator("h1").inner_text()
    anonymous.close()
