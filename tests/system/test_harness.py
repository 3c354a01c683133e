"""The checks the journeys rely on really fail when a page is wrong.

A checker that silently passes everything would make every journey green, so each path
through `then_the_accessibility_baseline_is_met` is shown a page with known failures.
"""

import pytest
from playwright.sync_api import Page

from tests.system.journeys import then_the_accessibility_baseline_is_met

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# An image with no text alternative, a field with no label, low-contrast text.
BROKEN = """<!DOCTYPE html><html lang="en"><head><title>Broken - Living Plan</title></head>
<body>{script}<main><h1>Broken</h1><img src="/nowhere.png">
<form><input type="text" name="unlabelled"></form>
<p style="color: #ccc; background: #fff">Hard to read</p></main></body></html>"""
MARKS_JS_AS_RUNNING = "<script>document.body.classList.add('js-enabled')</script>"


def serve(page: Page, html: str) -> None:
    page.route("**/broken-page/", lambda route: route.fulfill(content_type="text/html", body=html))
    page.goto("/broken-page/")


def test_the_accessibility_check_fails_a_broken_page(page: Page) -> None:
    serve(page, BROKEN.format(script=MARKS_JS_AS_RUNNING))

    with pytest.raises(pytest.fail.Exception) as failure:
        then_the_accessibility_baseline_is_met(page)

    report = str(failure.value)
    assert "axe found 3 accessibility problem(s) on http://" in report
    for rule in ("image-alt", "label", "color-contrast"):
        assert f"- {rule} (" in report
    assert '<img src="/nowhere.png">' in report


def test_the_accessibility_check_fails_a_broken_page_without_javascript(page_without_javascript: Page) -> None:
    serve(page_without_javascript, BROKEN.format(script=""))

    with pytest.raises(pytest.fail.Exception) as failure:
        then_the_accessibility_baseline_is_met(page_without_javascript)

    for rule in ("image-alt", "label", "color-contrast"):
        assert f"- {rule} (" in str(failure.value)
