"""axe-core finds no serious or critical violation on any public page type, in
any language (WCAG 2.1 A and AA rules)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import LANGUAGES, html_samples

AXE_OPTIONS = {
    # Only the violations are read: axe then gathers one node per passing rule, not all.
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_or_critical_violations_on_any_public_page_type(page, samples, language):
    axe = Axe()
    checked, problems = [], {}
    for sample in html_samples(page, samples, language):
        response = page.goto(sample["path"])
        assert response.status == 200, sample
        results = axe.run(page, options=AXE_OPTIONS)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        checked.append(sample["kind"])
        if serious:
            problems[f"{sample['kind']} {sample['path']}"] = serious
    assert len(checked) >= 3
    assert problems == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_raise_no_content_security_policy_violation(page, samples, language):
    for sample in html_samples(page, samples, language):
        page.goto(sample["path"])
    assert page.csp_violations == []
