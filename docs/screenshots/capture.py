"""Screenshots of the public site for the README: ``python docs/screenshots/capture.py``.

Serves the demo as the browser tests do (``tests/browser/server.py``: a copy of
the tests' demo build, gunicorn) and takes, with Debian's Chromium, the home
page, a guide's chapter and a search, each on a desktop (1280 px wide) and on a
phone (390 px), into this folder.
"""

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.server import DemoServer  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def pages(server):
    chapter = (
        server.manage(
            "shell",
            "-c",
            "from knowledge.models import GuideChapterPage; "
            "print(GuideChapterPage.objects.live().filter(locale__language_code='ca')"
            ".order_by('path')[1].url)",
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return {"home": "/ca/", "guide-chapter": chapter, "search": "/ca/search/?q=habitatge"}


def main():
    server = DemoServer(Path(tempfile.mkdtemp(prefix="screenshots-"))).build().start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for device, viewport in VIEWPORTS.items():
                context = browser.new_context(
                    base_url=server.base_url,
                    viewport=viewport,
                    device_scale_factor=1,
                    is_mobile=device == "phone",
                    locale="ca-ES",
                )
                tab = context.new_page()
                for name, path in pages(server).items():
                    tab.goto(path)
                    tab.wait_for_load_state("networkidle")
                    target = HERE / f"{name}-{device}.png"
                    tab.screenshot(path=str(target), full_page=False)
                    print(target.relative_to(ROOT))
                context.close()
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
