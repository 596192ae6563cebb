"""The whole publishing journey in Chromium, as its people live it.

A coordinator uploads a PDF and an image, writes a guide that uses both and
submits it. Until the secretariat approves, nothing of it is public: not the
page, not the file, not the image, not a word inside the PDF. The secretariat
sends it back from the edit view, the coordinator resubmits, the secretariat
approves from the edit view: page, file and image are public at once and a word
found only inside the PDF finds the guide. Then the secretariat translates it
into Spanish: nothing Spanish is public until someone publishes it.
"""

import io
import random
import string
import time

from PIL import Image
from playwright.sync_api import expect

from knowledge.demo_files import build_pdf

from .conftest import fill_slug, sign_in


def _shell(demo_server, script):
    return demo_server.shell(script).strip().splitlines()[-1]


def _click(page, selector):
    # Buttons inside the admin's "more actions" menu: pressed as the menu would.
    page.locator(selector).first.evaluate("button => button.click()")


def _choose(page, field_id, value):
    # A chooser widget stores the chosen object's id in a hidden input; the modal
    # does exactly this when an item is picked.
    page.locator(f"#{field_id}").evaluate(
        "(input, value) => { input.value = value; input.dispatchEvent(new Event('change')); }",
        str(value),
    )


def _add_inline_form(page, prefix):
    # The "Add" button works once the admin's scripts have started: press it until
    # the new form is there.
    page.wait_for_load_state("networkidle")
    for _ in range(10):
        page.locator(f"#id_{prefix}-ADD").click()
        if page.locator(f"#id_{prefix}-0-document").count():
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"the {prefix} panel did not add a form")


def _unique_word():
    return "".join(random.choice(string.ascii_lowercase) for _ in range(12))


def _upload(page, path, file_path, title):
    page.goto(path)
    page.fill("#id_title", title)
    page.set_input_files("#id_file", str(file_path))
    with page.expect_navigation():
        page.locator("form[enctype='multipart/form-data'] [type=submit]").last.click()


def _search_total(request, word, language="ca"):
    return request.get(f"/api/search/?q={word}&lang={language}").json()["total"]


def _listed(request, endpoint, object_id):
    items = request.get(f"/api/v2/{endpoint}/?limit=100").json()["items"]
    return object_id in {item["id"] for item in items}


def test_nothing_is_public_until_the_secretariat_approves(page, browser, demo_server, tmp_path):
    stamp = int(time.time())
    word = _unique_word()
    title = f"Guia de prova {stamp}"
    slug = f"guia-de-prova-{stamp}"
    pdf = tmp_path / f"annex-{stamp}.pdf"
    pdf.write_bytes(build_pdf("Annex", [f"Aquest annex explica la paraula {word}."]))
    png = tmp_path / f"portada-{stamp}.png"
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), "darkgreen").save(buffer, "PNG")
    png.write_bytes(buffer.getvalue())
    group_id = _shell(
        demo_server,
        "from wagtail.models import Page; "
        "print(Page.objects.get(slug='habitatge-cooperatiu', locale__language_code='ca').pk)",
    )

    # The coordinator uploads the files and writes the guide.
    sign_in(page, "coord-habitatge", "habitatge-demo")
    _upload(page, "/admin/documents/add/", pdf, f"Annex {stamp}")
    _upload(page, "/admin/images/add/", png, f"Portada {stamp}")
    document_id, document_url = _shell(
        demo_server,
        "from wagtail.documents import get_document_model; "
        f"d = get_document_model().objects.get(title='Annex {stamp}'); print(d.pk, d.url)",
    ).split()
    image_id = int(
        _shell(
            demo_server,
            "from wagtail.images import get_image_model; "
            f"print(get_image_model().objects.get(title='Portada {stamp}').pk)",
        )
    )

    page.goto(f"/admin/pages/add/knowledge/guidepage/{group_id}/")
    page.fill("#id_title", title)
    page.locator("#id_summary").fill(f"Resum de la guia de prova {stamp}.")
    page.select_option("#id_kind", index=1)
    page.fill("#id_publication_date", "2022-05-01")
    _choose(page, "id_cover_image", image_id)
    _add_inline_form(page, "attachments")
    _choose(page, "id_attachments-0-document", document_id)
    fill_slug(page, slug)
    with page.expect_navigation():
        _click(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_contain_text(title)
    page_id = _shell(
        demo_server, f"from wagtail.models import Page; print(Page.objects.get(slug='{slug}').pk)"
    )
    public_url = f"/ca/grups-de-treball/habitatge-cooperatiu/{slug}/"

    # An anonymous visitor finds nothing of it.
    visitor = browser.new_context(base_url=demo_server.base_url, locale="ca-ES")
    anonymous = visitor.request
    assert anonymous.get(public_url).status == 404
    assert anonymous.get(document_url).status == 404
    assert not _listed(anonymous, "documents", int(document_id))
    assert not _listed(anonymous, "images", image_id)
    assert _search_total(anonymous, word) == 0

    # The secretariat sends it back from the edit view...
    page.context.clear_cookies()
    sign_in(page, "secretaria", "secretaria-demo")
    page.goto(f"/admin/pages/{page_id}/edit/")
    _click(page, "button[data-workflow-action-name='reject']")
    page.locator(".modal textarea").fill("Cal citar la font de cada dada.")
    with page.expect_navigation():
        page.locator(".modal form [type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()

    # ...the coordinator resubmits...
    page.context.clear_cookies()
    sign_in(page, "coord-habitatge", "habitatge-demo")
    page.goto(f"/admin/pages/{page_id}/edit/")
    with page.expect_navigation():
        _click(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_be_visible()
    assert anonymous.get(public_url).status == 404

    # ...and the secretariat approves from the edit view.
    page.context.clear_cookies()
    sign_in(page, "secretaria", "secretaria-demo")
    page.goto(f"/admin/pages/{page_id}/edit/")
    with page.expect_navigation():
        _click(
            page,
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])",
        )
    expect(page.locator(".messages")).to_be_visible()

    # Page, file and image are public at once; the word inside the PDF finds the guide.
    tab = visitor.new_page()
    assert tab.goto(public_url).status == 200
    expect(tab.locator("h1")).to_contain_text(title)
    assert anonymous.get(document_url).status == 200
    assert _listed(anonymous, "documents", int(document_id))
    assert _listed(anonymous, "images", image_id)
    found = anonymous.get(f"/api/search/?q={word}&lang=ca").json()["results"]
    assert title in {result["title"] for result in found}

    # The secretariat translates it into Spanish: nothing Spanish is public yet.
    page.goto(f"/admin/localize/submit/page/{page_id}/")
    spanish_locale = _shell(
        demo_server,
        "from wagtail.models import Locale; print(Locale.objects.get(language_code='es').pk)",
    )
    page.locator("input[name='locales']").evaluate_all(
        "(boxes, id) => boxes.forEach(box => { box.checked = box.value === id; })", spanish_locale
    )
    with page.expect_navigation():
        page.locator("form [type=submit]").last.click()
    spanish_url, spanish_live = _shell(
        demo_server,
        "from wagtail.models import Page; "
        f"p = Page.objects.get(translation_key=Page.objects.get(pk={page_id}).translation_key, "
        "locale__language_code='es'); print(p.url, p.live)",
    ).split()
    assert spanish_live == "False"
    assert anonymous.get(spanish_url).status == 404
    assert _search_total(anonymous, word, "es") == 0
    spanish_group = _shell(
        demo_server,
        "from wagtail.models import Locale, Page; "
        "group = Page.objects.get(slug='habitatge-cooperatiu', locale__language_code='ca'); "
        "print(group.get_translation(Locale.objects.get(language_code='es')).url)",
    )
    response = anonymous.get(spanish_group)
    assert response.status == 200
    assert title not in response.text()
    visitor.close()
