"""Browser journeys: one Chromium per pytest-xdist worker, a fresh context and page per test.

Playwright's sync API keeps an asyncio loop running in this thread, so Django would refuse
ORM calls made from test code (fixtures such as `world`) as "async unsafe". They are safe
here: the loop never runs Django code. The variable must be set before any test runs.
"""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import re
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from tests.system.timeouts import TIMEOUT_MS

CHROMIUM = os.environ.get("LIVINGPLAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, Chromium keeps trying to reach Google and logs refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# expect(...) has its own default (5 s), separate from the context's: scale both.
expect.set_options(timeout=TIMEOUT_MS)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results" / "system"
SYSTEM_DIR = Path(__file__).resolve().parent
FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything in tests/system drives a browser, so `-m browser` / `-m "not browser"` sort it.

    tryfirst: the mark must be on the items before pytest's own `-m` deselection runs.
    """
    for item in items:
        if SYSTEM_DIR in item.path.parents and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember whether the test body failed, so the page fixture can keep a screenshot."""
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Session scope: with pytest-xdist each worker is its own session, so one browser each."""
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


def _new_page(browser: Browser, live_server, **context_options) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=live_server.url, locale="en-GB", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context, context.new_page()


def _keep_evidence_if_failed(request: pytest.FixtureRequest, page: Page) -> None:
    if not request.node.stash.get(FAILED, False):
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::", 1)[-1])
    try:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # evidence is best effort: never hide the real failure
        print(f"Could not save evidence for {request.node.nodeid}: {error}")


@pytest.fixture
def page(browser: Browser, live_server, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in a fresh context (no cookies), with JavaScript on. Relative URLs go to the live server."""
    context, new_page = _new_page(browser, live_server)
    yield new_page
    _keep_evidence_if_failed(request, new_page)
    context.close()


@pytest.fixture
def page_without_javascript(browser: Browser, live_server, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page whose browser runs no JavaScript at all, for the no-JS journeys."""
    context, new_page = _new_page(browser, live_server, java_script_enabled=False)
    yield new_page
    _keep_evidence_if_failed(request, new_page)
    context.close()
