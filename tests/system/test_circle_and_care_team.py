"""Alex brings a neighbour into the circle of support, invites her to sign in, and she joins."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_i_see,
    visit,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def when_alex_adds_bev_to_the_circle_and_invites_her(page: Page, record: int) -> str:
    visit(page, f"/people/{record}/", heading="Alex Carter")
    when_i_follow(page, "Add someone to the circle of support", to="Add someone to the circle of support")
    when_i_press(page, "Save", to="Add someone to the circle of support")  # empty: the errors, checked by axe too
    when_i_fill_in(page, "Name", "Bev Okoro")
    when_i_fill_in(page, "Relationship", "Neighbour")
    when_i_fill_in(page, "Email address", "bev@example.org")
    when_i_press(page, "Save", to="Alex Carter")

    when_i_press(page, "Invite Bev Okoro to sign in", to="Invitation for Bev Okoro")
    link = main_content(page).locator("code").inner_text()
    assert re.search(r"/invitations/[\w-]+/$", link), link
    when_i_follow(page, "Go back to your record", to="Alex Carter")
    waiting = main_content(page).get_by_role("table", name=re.compile("^Invitations to see your record"))
    expect(waiting).to_contain_text("Bev Okoro")
    return link


def test_alex_invites_a_neighbour_who_sets_a_password_and_sees_alexs_plan(
    page: Page, world: World, live_server
) -> None:
    record = world.alex_record.pk
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    link = when_alex_adds_bev_to_the_circle_and_invites_her(page, record)

    page.context.clear_cookies()
    visit(page, link, heading="Set your password")
    assert page.url == f"{live_server.url}/invitations/accept/", "the token is gone from the address bar"
    when_i_fill_in(page, "Create a password", "allotment-tomatoes-2026")
    when_i_fill_in(page, "Enter the password again", "allotment-tomatoes-2026")
    when_i_press(page, "Set password and continue", to="People you support")
    expect(main_content(page).get_by_role("link", name="Alex Carter")).to_be_visible()

    visit(page, link, heading="This invitation link does not work", status=404)


def test_alex_cancels_the_invitation_and_the_link_stops_working(page: Page, world: World, live_server) -> None:
    record = world.alex_record.pk
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    link = when_alex_adds_bev_to_the_circle_and_invites_her(page, record)

    when_i_follow(page, "Cancel the invitation for Bev Okoro", to="Cancel the invitation for Bev Okoro")
    when_i_press(page, "Cancel the invitation", to="Alex Carter")
    then_i_see(page, "The invitation for Bev Okoro is cancelled. The link no longer works.")
    expect(main_content(page).get_by_text("Invitations waiting to be accepted")).to_have_count(0)

    page.context.clear_cookies()
    visit(page, link, heading="This invitation link does not work", status=404)
    then_i_see(page, "it may have been cancelled")


def test_priya_adds_the_district_nurse_to_the_care_team(page: Page, world: World, live_server) -> None:
    from livingplan.accounts.models import Membership, Role
    from tests.personas import make_user

    nurse = make_user("nurse.ade", "Ade", "Lawal")
    Membership.objects.create(user=nurse, organisation=world.council_a, role=Role.PRACTITIONER)
    given_i_am_already_signed_in_as(page, world.priya, server=live_server.url)
    visit(page, f"/people/{world.alex_record.pk}/", heading="Alex Carter")

    when_i_follow(page, "Add someone to the care team", to="Add someone to the care team")
    when_i_fill_in(page, "Their work email address", "nurseade@example.org")
    main_content(page).get_by_label("Northbridge Council").check()
    when_i_fill_in(page, "Their role in the care team", "District nurse")
    when_i_press(page, "Save", to="Alex Carter")
    then_i_see(page, "Ade Lawal, District nurse (Northbridge Council)")
