"""The strict Content Security Policy in a real browser, and setting up an authenticator app."""

import base64

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import ConsoleMessage, Error, Page, expect

from tests.personas import World
from tests.system.journeys import (
    SIGN_IN_HEADING,
    given_i_am_signed_in_as,
    header,
    main_content,
    then_i_am_on_my_home_page,
    then_i_am_on_the_page,
    visit,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSP_MESSAGE = "Content Security Policy"


class BrowserConsole:
    """Everything the page logs, and every uncaught script error, while a test runs."""

    def __init__(self, page: Page) -> None:
        self.messages: list[ConsoleMessage] = []
        self.page_errors: list[Error] = []
        page.on("console", lambda message: self.messages.append(message))
        page.on("pageerror", lambda error: self.page_errors.append(error))

    @property
    def csp_violations(self) -> list[str]:
        return [message.text for message in self.messages if CSP_MESSAGE in message.text]

    @property
    def errors(self) -> list[str]:
        logged = [f"{m.type}: {m.text}" for m in self.messages if m.type == "error"]
        return logged + [f"uncaught: {error}" for error in self.page_errors]


@pytest.fixture
def console(page: Page) -> BrowserConsole:
    return BrowserConsole(page)


def then_the_nhs_frontend_javascript_has_started(page: Page) -> None:
    expect(page.locator("body")).to_contain_class("js-enabled nhsuk-frontend-supported")
    # initAll() ran: the password component un-hid its "Show" toggle.
    if page.locator(".nhsuk-password-input").count():
        expect(page.get_by_role("button", name="Show password")).to_be_visible()


def test_the_strict_csp_lets_every_script_on_sign_in_and_home_pages_run(
    page: Page, world: World, console: BrowserConsole
) -> None:
    response = visit(page, "/sign-in/", heading=SIGN_IN_HEADING)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    then_the_nhs_frontend_javascript_has_started(page)

    given_i_am_signed_in_as(page, "alex")
    then_the_nhs_frontend_javascript_has_started(page)
    header(page).get_by_role("link", name="Sign-in security").click()
    then_i_am_on_the_page(page, "Sign-in security")
    then_the_nhs_frontend_javascript_has_started(page)

    assert console.csp_violations == [], "\n".join(console.csp_violations)
    assert console.errors == [], "\n".join(console.errors)


def test_the_csp_blocks_an_inline_script_without_the_nonce(page: Page, world: World, console: BrowserConsole) -> None:
    """Proves the policy is enforced, and that the console check above would see a breach."""
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)

    with (
        page.expect_console_message(lambda message: CSP_MESSAGE in message.text) as blocked,
        pytest.raises(Error, match=CSP_MESSAGE),
    ):
        page.add_script_tag(content="window.injected = true;")

    assert "inline script" in blocked.value.text
    assert console.csp_violations == [blocked.value.text]
    assert page.evaluate("() => window.injected") is None


def test_sign_in_security_shows_a_qr_code_and_turns_on_an_authenticator_app(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "priya")
    header(page).get_by_role("link", name="Sign-in security").click()

    then_i_am_on_the_page(page, "Sign-in security")
    qr_code = main_content(page).get_by_role("img", name="QR code for your authenticator app")
    expect(qr_code).to_be_visible()
    expect(page.locator(".livingplan-qr svg > title")).to_have_text("QR code for your authenticator app")

    # No code: an NHS-style error, and the error state is accessible too. (Not a wrong code:
    # django-otp would then throttle the next attempt for a second.)
    main_content(page).get_by_role("button", name="Turn on").click()
    then_i_am_on_the_page(page, "Sign-in security")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the 6-digit security code")
    expect(page).to_have_title("Error: Sign-in security - Living Plan")

    # What an authenticator app does with the key under the QR code.
    main_content(page).get_by_label("Security code").fill(current_code(page))
    main_content(page).get_by_role("button", name="Turn on").click()
    then_i_am_on_my_home_page(page)
    then_i_am_on_the_page(page, "Hello, Priya")


def current_code(page: Page) -> str:
    key = main_content(page).locator("code.livingplan-secret").inner_text().replace(" ", "")
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{TOTP(secret, step=30, t0=0, digits=6).token():06d}"
