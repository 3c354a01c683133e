"""Alex's record: who may open it, and Alex seeing who has."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.personas import World
from tests.system.journeys import (
    given_i_am_signed_in_as,
    main_content,
    then_i_am_on_the_page,
    then_i_do_not_see,
    then_i_see,
    visit,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOT_FOUND = "Page not found"


def test_a_practitioner_outside_alexs_care_team_gets_page_not_found(page: Page, world: World) -> None:
    record = world.alex_record.pk
    given_i_am_signed_in_as(page, "omar")

    visit(page, f"/people/{record}/", heading=NOT_FOUND, status=404)
    # The page gives nothing away: not the name, not whether the record exists.
    then_i_do_not_see(page, "Alex", "Carter")
    then_i_see(page, "If you think you should be able to see this page, ask the person's coordinator.")
    visit(page, f"/people/{record}/who-has-looked/", heading=NOT_FOUND, status=404)

    main_content(page).get_by_role("link", name="Go to your Living Plan home page").click()
    then_i_am_on_the_page(page, "Hello, Omar")


def test_alex_sees_that_priya_looked_at_their_record(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "priya")
    page.get_by_role("table", name="People whose care team you are on").get_by_role(
        "link", name="Alex Carter", exact=True
    ).click()
    then_i_am_on_the_page(page, "Alex Carter")
    then_i_see(page, "Northbridge Council", "Eleri Jones, GP (Riverside Medical Practice)", "Sam Carter, Daughter")
    # Only Alex may read the list of who has looked.
    expect(main_content(page).get_by_role("link", name="See who has looked at your record")).to_have_count(0)
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "alex")
    main_content(page).get_by_role("link", name="See who has looked at your record").click()

    then_i_am_on_the_page(page, "Who has looked at your record")
    # Grouped by day, newest first: Priya's look is the latest thing that happened to the record.
    expect(main_content(page).locator("h2").first).to_have_text("Today")
    table = page.get_by_role("table", name="Who looked at or changed your record: Today, newest first")
    newest = table.locator("tbody tr").first
    expect(newest.get_by_role("cell")).to_have_text(
        [re.compile(r"^\d{1,2}:\d\d[ap]m$"), "Priya Shah", "Northbridge Council", "Looked at your record"]
    )
    # Each entry says what was done in plain words, not "Changed your record" for everything.
    expect(main_content(page)).to_contain_text("Added someone to your care team")


def test_alex_opens_their_own_record_and_sees_themselves_in_the_list(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "alex")
    main_content(page).get_by_role("link", name="Your record", exact=True).click()
    then_i_am_on_the_page(page, "Alex Carter")
    then_i_see(page, "Your record", "14 June 1951")

    main_content(page).get_by_role("link", name="See who has looked at your record").click()

    then_i_am_on_the_page(page, "Who has looked at your record")
    table = page.get_by_role("table", name="Who looked at or changed your record: Today, newest first")
    newest = table.locator("tbody tr").first
    expect(newest.get_by_role("cell").nth(1)).to_have_text("You")
    expect(newest.get_by_role("cell").nth(3)).to_have_text("Looked at your record")
