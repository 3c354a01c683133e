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


def test_alex_invites_a_neighbour_who_sets_a_password_and_sees_alexs_plan(
    page: Page, world: World, live_server
) -> None:
    record = world.alex_record.pk
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
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

    page.context.clear_cookies()
    visit(page, link, heading="Set your password")
    when_i_fill_in(page, "Create a password", "allotment-tomatoes-2026")
    when_i_fill_in(page, "Enter the password again", "allotment-tomatoes-2026")
    when_i_press(page, "Set password and continue", to="People you support")
    expect(main_content(page).get_by_role("link", name="Alex Carter")).to_be_visible()

    visit(page, link, heading="This invitation link does not work", status=404)


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
