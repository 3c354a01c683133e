"""Staff accounts in a browser: the admin invites a colleague who chooses a password and signs in;
another organisation's admin finds nothing; a colleague resets a forgotten password by email.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from livingplan.accounts.models import Role
from tests.personas import World, make_staff
from tests.system.journeys import (
    SIGN_IN_HEADING,
    given_i_am_signed_in_as,
    main_content,
    then_i_am_on_my_home_page,
    then_i_see,
    visit,
    when_i_choose,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
    when_i_sign_in_with,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "bright-kettle-harbour-58"


def when_i_choose_a_password(page: Page, password: str, *, button: str, to: str) -> None:
    when_i_fill_in(page, "Create a password", password)
    when_i_fill_in(page, "Enter the password again", password)
    when_i_press(page, button, to=to)


def test_the_admin_invites_a_colleague_who_sets_a_password_and_signs_in(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "admin")
    when_i_follow(page, "Invite a colleague to Northbridge Council", to="Invite a colleague to Northbridge Council")
    when_i_fill_in(page, "First name", "Robin")
    when_i_fill_in(page, "Last name", "Okafor")
    when_i_fill_in(page, "Work email address", "robin.okafor@northbridge.example")
    when_i_choose(page, "Role", "Coordinator")
    when_i_press(page, "Invite", to="Invitation for Robin Okafor")
    link = main_content(page).locator("code").inner_text()
    when_i_sign_out(page)

    visit(page, link, heading="Choose your password")
    then_i_see(page, "Your username is robin.okafor")
    when_i_choose_a_password(page, NEW_PASSWORD, button="Set password and sign in", to="Hello, Robin")
    when_i_sign_out(page)
    when_i_sign_in_with(page, "robin.okafor@northbridge.example", NEW_PASSWORD)
    then_i_am_on_my_home_page(page)
    then_i_see(page, "coordinator at Northbridge Council")

    visit(page, link, heading="This link does not work", status=404)


def test_an_admin_of_another_organisation_gets_not_found(page: Page, world: World) -> None:
    make_staff("southmere.admin", "Sol", "Marsh", world.council_b, Role.ORGANISATION_ADMIN)
    given_i_am_signed_in_as(page, "southmere.admin")
    then_i_see(page, "Invite a colleague to Southmere Council")

    visit(page, f"/organisations/{world.council_a.pk}/staff/{world.priya.pk}/", heading="Page not found", status=404)
    visit(page, f"/organisations/{world.council_a.pk}/staff/invite/", heading="Page not found", status=404)


def test_the_admin_deactivates_a_colleague(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "admin")
    when_i_follow(page, re.compile(r"^Morgan Reilly"), to="Morgan Reilly")
    when_i_follow(page, "Deactivate Morgan Reilly's account", to="Deactivate Morgan Reilly's account")
    when_i_press(page, "Deactivate the account", to="Hello, Ade")
    row = main_content(page).get_by_role("row").filter(has_text="Morgan Reilly")
    expect(row).to_contain_text("Deactivated")


def test_a_colleague_resets_a_forgotten_password_by_email(page: Page, world: World, settings) -> None:
    settings.NOTIFICATIONS_PROVIDER = "email"  # the outbox sends by Django's email backend: mail.outbox here
    visit(page, "/sign-in/", heading=SIGN_IN_HEADING)
    when_i_follow(page, "reset your password by email", to="Reset your password")
    when_i_fill_in(page, "Email address", "priya@example.org")
    when_i_press(page, "Send the link", to="Check your email")
    then_i_see(page, "If an account uses that address, we have sent a link")

    [reset] = [m for m in mail.outbox if m.subject == "Reset your Living Plan password"]
    # The link starts with LIVINGPLAN_SITE_URL (the service as people reach it), not this test's server.
    found = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", str(reset.body))
    assert found, reset.body
    visit(page, found.group(1), heading="Choose a new password")
    when_i_choose_a_password(page, NEW_PASSWORD, button="Set new password", to="Your password is changed")
    when_i_follow(page, "Sign in to Living Plan", to=SIGN_IN_HEADING)
    when_i_sign_in_with(page, "priya", NEW_PASSWORD)
    then_i_am_on_my_home_page(page)
