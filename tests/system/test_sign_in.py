"""Signing in through the real form: every persona reaches a home page that fits their role."""

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.personas import PASSWORD, World
from tests.system.journeys import (
    SIGN_IN_HEADING,
    given_i_am_signed_in_as,
    main_content,
    then_i_am_on_the_page,
    then_i_am_signed_out,
    then_i_do_not_see,
    then_i_see,
    then_the_header_shows,
    visit,
    when_i_sign_in_with,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass(frozen=True)
class Home:
    """What one persona should, and should not, find on their home page."""

    username: str
    heading: str
    sees: tuple[str, ...]
    does_not_see: tuple[str, ...] = ()
    table: str = ""  # a table's accessible name (its caption) ...
    row: tuple[str, ...] = ()  # ... and the cells of one of its rows


HOMES = [
    Home(
        "alex",
        "Hello, Alex",
        sees=("This is your Living Plan", "Priya Shah (Northbridge Council): your coordinator", "Sam Carter, Daughter"),
    ),
    Home("sam", "People you support", sees=("Alex Carter: you are their daughter",)),
    Home(
        "priya",
        "Hello, Priya",
        sees=("coordinator at Northbridge Council", "People on your caseload"),
        table="People whose care team you are on",
        row=("Alex Carter", "14 June 1951", "Coordinator"),
    ),
    Home(
        "dr.jones",
        "Hello, Eleri",
        sees=("practitioner at Riverside Medical Practice",),
        table="People whose care team you are on",
        row=("Alex Carter", "GP"),
    ),
    # Omar works for a care provider Alex has not agreed to share with: Alex must not appear.
    Home(
        "omar",
        "Hello, Omar",
        sees=("practitioner at Brightwell Home Care", "You are not on anyone's care team yet."),
        does_not_see=("Alex Carter", "Carter"),
    ),
    Home(
        "morgan",
        "Hello, Morgan",
        sees=("approver at Northbridge Council", "Personal budgets", "sign off"),
        does_not_see=("Alex Carter",),
    ),
    Home(
        "quinn",
        "Hello, Quinn",
        sees=(
            "quality lead at Northbridge Council",
            "Reviews and the quality of plans",
            "Reviews and decisions overdue",
        ),
        does_not_see=("Alex Carter",),
    ),
    # Commissioners see totals only, never a person.
    Home(
        "casey",
        "Hello, Casey",
        sees=("Figures for Northbridge Council", "People the council leads on", "Numbers under 5 are not shown"),
        does_not_see=("Alex Carter",),
    ),
    Home(
        "admin",
        "Hello, Ade",
        sees=("organisation admin at Northbridge Council", "People who work in your organisation"),
        does_not_see=("Alex Carter",),
        table="Staff and their roles",
        row=("Priya Shah", "Coordinator"),
    ),
]


def test_every_persona_is_covered(world: World) -> None:
    assert sorted(home.username for home in HOMES) == sorted(user.username for user in world.users())


@pytest.mark.parametrize("home", HOMES, ids=[home.username for home in HOMES])
def test_each_persona_signs_in_sees_their_home_and_signs_out(page: Page, world: World, home: Home) -> None:
    given_i_am_signed_in_as(page, home.username)

    then_i_am_on_the_page(page, home.heading)
    then_the_header_shows(page, world.persona(home.username).get_full_name())
    then_i_see(page, *home.sees)
    then_i_do_not_see(page, *home.does_not_see)
    if home.table:
        row = page.get_by_role("table", name=home.table).get_by_role("row").filter(has_text=home.row[0])
        for cell in home.row:
            expect(row).to_contain_text(cell)

    when_i_sign_out(page)
    then_i_am_signed_out(page)
    # The session really ended: the home page asks for a sign-in again.
    visit(page, "/", heading=SIGN_IN_HEADING)


def test_signing_in_with_empty_fields_shows_nhs_style_errors_that_lead_to_the_fields(page: Page, world: World) -> None:
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)

    main_content(page).get_by_role("button", name="Sign in").click()

    then_i_am_on_the_page(page, SIGN_IN_HEADING)  # axe in the error state too
    expect(page).to_have_title("Error: Sign in - Living Plan")
    summary = page.locator(".nhsuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary).to_be_focused()  # NHS.UK JS moves focus to the summary on load
    username_link = summary.get_by_role("link", name="Enter your username or email address")
    password_link = summary.get_by_role("link", name="Enter your password")
    expect(username_link).to_have_attribute("href", "#id_username")
    expect(password_link).to_have_attribute("href", "#id_password")
    # Each field repeats its message, tied to the input for screen readers.
    username = page.get_by_label("Username or email address")
    password = page.get_by_label("Password", exact=True)
    expect(page.locator("#id_username-error")).to_have_text("Error: Enter your username or email address")
    expect(page.locator("#id_password-error")).to_have_text("Error: Enter your password")
    expect(username).to_have_attribute("aria-describedby", "id_username-error")
    expect(password).to_have_attribute("aria-describedby", "id_password-error")

    username_link.click()
    expect(username).to_be_focused()

    # And by keyboard: the second link, then Enter.
    password_link.focus()
    page.keyboard.press("Enter")
    expect(password).to_be_focused()


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(page: Page, world: World) -> None:
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)

    when_i_sign_in_with(page, "alex", "not-the-password")

    then_i_am_on_the_page(page, SIGN_IN_HEADING)
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "Enter a correct username or email address and password"
    )
    expect(page.get_by_label("Username or email address")).to_have_value("alex")
    expect(page.get_by_label("Password", exact=True)).to_have_value("")


def test_signing_in_and_out_works_without_javascript(page_without_javascript: Page, world: World) -> None:
    page = page_without_javascript
    visit(page, "/", heading=SIGN_IN_HEADING)
    expect(page.locator("body")).not_to_contain_class("js-enabled")
    # The "Show password" toggle needs JavaScript, so it stays hidden without it.
    expect(page.get_by_role("button", name="Show password")).to_be_hidden()

    when_i_sign_in_with(page, "alex", PASSWORD)
    then_i_am_on_the_page(page, "Hello, Alex")
    then_i_see(page, "Priya Shah (Northbridge Council): your coordinator")

    when_i_sign_out(page)
    then_i_am_signed_out(page)


def test_the_error_summary_works_without_javascript(page_without_javascript: Page, world: World) -> None:
    page = page_without_javascript
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)

    main_content(page).get_by_role("button", name="Sign in").click()

    then_i_am_on_the_page(page, SIGN_IN_HEADING)
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter your username or email address")
    # A plain in-page link: following it scrolls to the field.
    page.get_by_role("link", name="Enter your password").click()
    expect(page).to_have_url("/sign-in/#id_password")
