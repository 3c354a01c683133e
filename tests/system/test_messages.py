"""Alex invites Bev; the message the outbox records shows on Priya's "Messages sent" and Bev's "Messages to you"."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_i_see,
    then_the_accessibility_baseline_is_met,
    visit,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_invitation_message_shows_to_staff_and_to_bev(page: Page, world: World, live_server) -> None:
    record = world.alex_record.pk
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    visit(page, f"/people/{record}/", heading="Alex Carter")
    when_i_follow(page, "Add someone to the circle of support", to="Add someone to the circle of support")
    when_i_fill_in(page, "Name", "Bev Okoro")
    when_i_fill_in(page, "Relationship", "Neighbour")
    when_i_fill_in(page, "Email address", "bev@example.org")
    when_i_press(page, "Save", to="Alex Carter")
    when_i_press(page, "Invite Bev Okoro to sign in", to="Invitation for Bev Okoro")
    then_i_see(page, "We are sending Bev Okoro this link by email to bev@example.org")
    link = main_content(page).locator("code").inner_text()

    page.context.clear_cookies()
    given_i_am_already_signed_in_as(page, world.priya, server=live_server.url)
    visit(page, "/messages/sent/", heading="Messages sent")
    then_i_see(page, "To Bev Okoro. Email to bev@example.org.")
    main_content(page).get_by_text("Every step").first.click()
    expect(main_content(page)).to_contain_text("Sent")
    then_the_accessibility_baseline_is_met(page)  # with the steps open

    page.context.clear_cookies()
    visit(page, link, heading="Set your password")
    when_i_fill_in(page, "Create a password", "allotment-tomatoes-2026")
    when_i_fill_in(page, "Enter the password again", "allotment-tomatoes-2026")
    when_i_press(page, "Set password and continue", to="People you support")
    visit(page, "/messages/", heading="Messages to you")
    then_i_see(page, "Alex has invited you to their circle of support")  # no pronouns recorded in this world
    main_content(page).get_by_text("What the message says").click()
    expect(main_content(page)).to_contain_text(re.compile("link removed after sending"))
    then_the_accessibility_baseline_is_met(page)
