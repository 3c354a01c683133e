"""What somebody who has not signed in sees: the sign-in page and the pages every service must have."""

import pytest
from playwright.sync_api import Page, expect

from tests.system.journeys import (
    SIGN_IN_HEADING,
    footer,
    header,
    then_i_am_on_the_page,
    then_the_page_has_the_nhs_layout,
    visit,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NHS_BLUE = "rgb(0, 94, 184)"


def test_a_visitor_is_sent_to_an_nhs_styled_sign_in_page(page: Page) -> None:
    visit(page, "/", heading=SIGN_IN_HEADING)

    expect(page).to_have_url("/sign-in/?next=/")
    expect(page).to_have_title("Sign in - Living Plan")
    then_the_page_has_the_nhs_layout(page)
    # The NHS.UK stylesheet really loaded: the header is NHS blue and the form is styled.
    expect(header(page).locator(".nhsuk-header__container")).to_be_visible()
    expect(page.locator(".nhsuk-header")).to_have_css("background-color", NHS_BLUE)
    expect(page.get_by_role("button", name="Sign in")).to_have_class("nhsuk-button")
    expect(page.get_by_label("Username or email address")).to_have_attribute("autocomplete", "username")


def test_the_skip_link_moves_keyboard_focus_to_the_main_content(page: Page) -> None:
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()  # visually hidden until focused

    page.keyboard.press("Enter")
    expect(page.locator("main#maincontent")).to_be_focused()


def test_the_footer_links_to_the_accessibility_statement_and_privacy_notice(page: Page) -> None:
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)

    footer(page).get_by_role("link", name="Accessibility statement").click()
    then_i_am_on_the_page(page, "Accessibility statement for Living Plan")
    expect(page).to_have_url("/accessibility-statement/")

    footer(page).get_by_role("link", name="Privacy notice").click()
    then_i_am_on_the_page(page, "Privacy notice")
    expect(page).to_have_url("/privacy-notice/")
