"""Plain-English steps for browser journeys: `given_...`, `when_...`, `then_...`.

Every page a journey lands on is checked the same way: its one <h1>, its title, and axe
against WCAG 2.2 AA. `visit` (go to a URL) and `then_i_am_on_the_page` (after a click or a
form) both do all three, so a journey cannot reach a page without checking it.
"""

import datetime as dt
import hashlib
import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Locator, Page, Response, expect

from livingplan.accounts.models import User
from tests.personas import PASSWORD
from tests.system.timeouts import scaled

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
SIGN_IN_HEADING = "Sign in to Living Plan"
SERVICE_NAME = "Living Plan"

_axe = Axe()
# Markup that has already passed axe in this worker. Many journeys pass through the same page
# (the sign-in page above all); it differs only in its CSRF token and CSP nonce, so a page is
# audited again only when its markup, or which element has focus, differs from one that passed.
_passed: set[str] = set()
_PER_RESPONSE = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')
_MARKUP_AND_FOCUS = """() => {
  const active = document.activeElement;
  return [document.documentElement.outerHTML, active ? active.outerHTML.slice(0, 200) : ""];
}"""
# How the copy of a page without JavaScript is served for axe: the page's own scripts stay off.
_COPY_HEADERS = {"content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'none'"}


# Looking at pages ---------------------------------------------------------------------------


def visit(page: Page, url: str, *, heading: str, status: int = 200) -> Response:
    """Go to `url` (absolute, or relative to the live server), expect `status`, then check the page."""
    response = page.goto(url)
    assert response is not None, f"No response from {url}"
    assert response.status == status, f"GET {url} answered {response.status}, expected {status}"
    then_i_am_on_the_page(page, heading)
    return response


def then_i_am_on_the_page(page: Page, heading: str) -> None:
    """The page has exactly one <h1> saying `heading`, a Living Plan title, and passes axe."""
    h1 = page.locator("h1")
    expect(h1, f"one <h1> on {page.url}").to_have_count(1)
    expect(h1).to_have_text(heading)
    expect(page).to_have_title(re.compile(rf" - {SERVICE_NAME}$"))
    then_the_accessibility_baseline_is_met(page)


def then_the_accessibility_baseline_is_met(page: Page) -> None:
    """axe finds no WCAG 2.2 A or AA failures on the page as it is now."""
    markup, focused = page.evaluate(_MARKUP_AND_FOCUS)
    markup = _PER_RESPONSE.sub(r'\1=""', markup)
    key = hashlib.sha256(f"{page.viewport_size}|{focused}|{markup}".encode()).hexdigest()
    if key in _passed:
        return
    violations = _axe_violations(page)
    if violations:
        pytest.fail(describe_violations(page.url, violations))
    _passed.add(key)


def describe_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe found {len(violations)} accessibility problem(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:240]}")
            lines.extend(f"      {line}" for line in (node.get("failureSummary") or "").splitlines())
    return "\n".join(lines)


def _axe_violations(page: Page) -> list[dict[str, Any]]:
    if page.evaluate("() => document.body.classList.contains('js-enabled')"):
        return _axe.run(page, options=AXE_OPTIONS).response["violations"]
    return _axe_violations_of_a_copy(page)


def _axe_violations_of_a_copy(page: Page) -> list[dict[str, Any]]:
    """Where the page's scripts never ran (JavaScript off), axe's timers would never fire either.

    So audit a copy: the same DOM at the same URL, with the same stylesheets, in a browser
    context that runs scripts but with a policy that blocks the page's own. It renders just as
    the page did without JavaScript, and axe (injected by Playwright, exempt from CSP) can run.
    """
    html = page.content()
    browser = page.context.browser
    assert browser is not None
    context = browser.new_context(viewport=page.viewport_size)
    try:
        copy = context.new_page()
        # Only the document is the copy; its stylesheets and images come from the live server.
        copy.route(
            "**/*",
            lambda route: (
                route.fulfill(status=200, headers=_COPY_HEADERS, body=html)
                if route.request.is_navigation_request()
                else route.fallback()
            ),
        )
        response = copy.goto(page.url)
        served = response.headers.get("content-security-policy") if response else None
        assert served == _COPY_HEADERS["content-security-policy"], "axe would audit the wrong page"
        return _axe.run(copy, options=AXE_OPTIONS).response["violations"]
    finally:
        context.close()


# Parts of every page ------------------------------------------------------------------------


def header(page: Page) -> Locator:
    return page.get_by_role("banner")


def footer(page: Page) -> Locator:
    return page.get_by_role("contentinfo")


def main_content(page: Page) -> Locator:
    return page.get_by_role("main")


def then_the_page_has_the_nhs_layout(page: Page) -> None:
    """The NHS.UK header with the service name, and the footer with the statutory links."""
    expect(header(page).get_by_role("link", name=SERVICE_NAME)).to_be_visible()
    expect(page.locator("header.nhsuk-header")).to_be_visible()
    expect(footer(page).get_by_role("link", name="Accessibility statement")).to_have_attribute(
        "href", "/accessibility-statement/"
    )
    expect(footer(page).get_by_role("link", name="Privacy notice")).to_have_attribute("href", "/privacy-notice/")


def then_i_see(page: Page, *texts: str) -> None:
    for text in texts:
        expect(main_content(page)).to_contain_text(text)


def then_i_do_not_see(page: Page, *texts: str) -> None:
    for text in texts:
        expect(page.locator("body")).not_to_contain_text(text)


# Signing in and out -------------------------------------------------------------------------


def when_i_sign_in_with(page: Page, username: str, password: str) -> None:
    """Fill in the sign-in form on the current page and submit it."""
    main = main_content(page)
    main.get_by_label("Username or email address").fill(username)
    # exact: the "Show password" toggle button also mentions the password.
    main.get_by_label("Password", exact=True).fill(password)
    main.get_by_role("button", name="Sign in").click()


def given_i_am_signed_in_as(page: Page, username: str) -> None:
    """Sign in through the real form, as a person would, and land on the home page."""
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)
    when_i_sign_in_with(page, username, PASSWORD)
    then_i_am_on_my_home_page(page)


def then_i_am_on_my_home_page(page: Page) -> None:
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))
    expect(header(page).get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.locator("h1")).to_have_count(1)
    then_the_accessibility_baseline_is_met(page)


def then_the_header_shows(page: Page, name: str) -> None:
    expect(header(page)).to_contain_text(name)


def when_i_sign_out(page: Page) -> None:
    header(page).get_by_role("button", name="Sign out").click()


def then_i_am_signed_out(page: Page) -> None:
    then_i_am_on_the_page(page, SIGN_IN_HEADING)
    expect(header(page).get_by_role("button", name="Sign out")).to_have_count(0)
    expect(header(page).get_by_role("link", name="Sign in")).to_be_visible()


def given_i_am_already_signed_in_as(page: Page, user: User, *, server: str) -> None:
    """Put a session for `user` straight into the browser, replacing whoever was signed in.

    For journeys about what happens after signing in: the sign-in form itself is covered by
    test_sign_in. `server` is the live server's URL. The journey still lands on its first page
    with `visit`, so that page is checked like any other.
    """
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": server}])


# Moving through pages ---------------------------------------------------------------------


def when_i_follow(page: Page, link: str | re.Pattern[str], *, to: str) -> None:
    """Follow a link in the main content (its whole accessible name) and check the page it leads `to`."""
    main_content(page).get_by_role("link", name=link, exact=isinstance(link, str)).click()
    then_i_am_on_the_page(page, to)


def when_i_press(page: Page, button: str | re.Pattern[str], *, to: str) -> None:
    """Press a button in the main content (its whole accessible name) and check the page it leads `to`."""
    main_content(page).get_by_role("button", name=button, exact=isinstance(button, str)).click()
    then_i_am_on_the_page(page, to)


# Filling in forms -------------------------------------------------------------------------


def when_i_fill_in(page: Page, label: str, value: str) -> None:
    main_content(page).get_by_label(label, exact=True).fill(value)


def question(page: Page, legend: str) -> Locator:
    """A fieldset (radios, checkboxes, a date), found by its legend."""
    return main_content(page).get_by_role("group", name=legend, exact=True)


def when_i_choose(page: Page, legend: str, answer: str) -> None:
    question(page, legend).get_by_label(answer, exact=True).check()


def when_i_enter_the_date(page: Page, legend: str, date: dt.date) -> None:
    """The NHS.UK date input: day, month and year in three boxes, as a person types them."""
    group = question(page, legend)
    for part, value in (("Day", date.day), ("Month", date.month), ("Year", date.year)):
        group.get_by_label(part, exact=True).fill(str(value))


def then_there_is_a_problem(page: Page, *messages: str) -> None:
    """The NHS.UK error summary lists each message, and the page title starts with "Error:"."""
    summary = page.locator(".nhsuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    for message in messages:
        expect(summary.get_by_role("link", name=message, exact=True)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))


def accessibility_violations(page: Page) -> list[dict[str, Any]]:
    """What axe finds on the page as it is now, for a page with known failures (third-party markup).

    Journeys on our own pages use `then_the_accessibility_baseline_is_met`, which fails on any.
    """
    return _axe_violations(page)


def then_i_am_told(page: Page, message: str) -> None:
    """A message at the top of the page after a change: what was saved, or (one of) why it was not.

    For use after `then_i_am_on_the_page`: the message is drawn with the page, so a short wait is enough.
    """
    # Notification banners: role "alert" for what was saved or refused, announced as they appear.
    said = main_content(page).get_by_role("alert").filter(has_text=message)
    expect(said, f"a message saying {message!r}").to_have_count(1, timeout=scaled(1_000))
