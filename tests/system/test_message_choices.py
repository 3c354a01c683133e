"""Priya turns off messages about notes from her home page, with no JavaScript needed, and the page
says which messages cannot be turned off."""

import pytest
from playwright.sync_api import Page, expect

from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    question,
    then_i_am_told,
    then_i_see,
    then_the_accessibility_baseline_is_met,
    visit,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOTES = "When someone adds a note to the plan of a person you coordinate"


def test_priya_turns_off_messages_about_notes(page: Page, world: World, live_server) -> None:
    given_i_am_already_signed_in_as(page, world.priya, server=live_server.url)
    visit(page, "/", heading="Hello, Priya")
    when_i_follow(page, "Choose which messages we send you", to="Messages we send you")
    then_i_see(page, "Some messages cannot be turned off, because the law or your safety needs them")
    then_the_accessibility_baseline_is_met(page)

    question(page, "Which messages do you want?").get_by_label(NOTES, exact=True).uncheck()
    when_i_press(page, "Save my choices", to="Messages we send you")
    then_i_am_told(page, "Your choices are saved.")
    expect(question(page, "Which messages do you want?").get_by_label(NOTES, exact=True)).not_to_be_checked()
    then_the_accessibility_baseline_is_met(page)
