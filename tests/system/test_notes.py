"""Notes between reviews (issue 9): Alex adds a note to his active plan, without JavaScript, and
says it needs looking at; Priya sees the request on her caseload and on his plan."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.factories import active_plan_for_alex
from tests.personas import World
from tests.system.journeys import (
    given_i_am_signed_in_as,
    main_content,
    then_i_am_on_the_page,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alex_asks_for_his_plan_to_be_looked_at_and_priya_sees_it(
    page_without_javascript: Page, world: World, tmp_path: Path
) -> None:
    page = page_without_javascript
    active_plan_for_alex(world)
    given_i_am_signed_in_as(page, "alex")

    main_content(page).get_by_role("link", name="Add a note about how things are going, in your own words").click()
    then_i_am_on_the_page(page, "Add a note")
    main_content(page).get_by_role("button", name="Save").click()
    then_i_am_on_the_page(page, "Add a note")
    expect(main_content(page).locator(".nhsuk-error-summary")).to_contain_text("Enter your note")

    main_content(page).get_by_label("Your note").fill("The carer comes at 9 and I am not ready then.")
    main_content(page).get_by_label("I think my plan needs looking at").check()
    main_content(page).get_by_role("button", name="Save").click()
    then_i_am_on_the_page(page, "Your plan")
    expect(main_content(page)).to_contain_text("Your coordinator will be told")
    notes = main_content(page).locator("#notes")
    expect(notes).to_have_text("Notes since the plan was agreed")
    expect(main_content(page)).to_contain_text("The carer comes at 9 and I am not ready then.")
    page.screenshot(path=tmp_path / "alex-plan.png", full_page=True)  # to look at, as the issue asks

    when_i_sign_out(page)
    given_i_am_signed_in_as(page, "priya")
    table = main_content(page).get_by_role("table", name="people whose care team you are on")
    expect(table.get_by_role("row").filter(has_text="Alex Carter")).to_contain_text("Asked for a review")
    main_content(page).get_by_role("link", name="Asked for a review (1)").click()
    then_i_am_on_the_page(page, "Hello, Priya")
    expect(table.get_by_role("row")).to_have_count(2)
    page.screenshot(path=tmp_path / "priya-caseload.png", full_page=True)
    table.get_by_role("link", name=re.compile("Alex Carter.s plan")).click()
    then_i_am_on_the_page(page, "Alex's plan")
    expect(main_content(page)).to_contain_text("1 note asks for the plan to be looked at")
    expect(main_content(page)).to_contain_text("Alex Carter, ")
