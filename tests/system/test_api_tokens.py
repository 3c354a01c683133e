"""An organisation admin makes a token for another system, sees it once, and revokes it: in a
browser without JavaScript, axe on every page (ADR-052)."""

import pytest
from playwright.sync_api import Page

from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    then_i_am_told,
    then_i_see,
    then_there_is_a_problem,
    visit,
    when_i_choose,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_makes_a_token_sees_it_once_and_revokes_it(
    page_without_javascript: Page, world: World, live_server
) -> None:
    page, server = page_without_javascript, live_server.url
    given_i_am_already_signed_in_as(page, world.admin, server=server)
    visit(page, "/", heading="Hello, Ade")
    when_i_follow(page, "Tokens for other systems to use the API", to="Tokens for other systems")
    when_i_follow(page, "Make a new token", to="Make a token for another system")

    when_i_press(page, "Make the token", to="Make a token for another system")
    then_there_is_a_problem(page, "Enter what the token is for", "Select what the other system may do")

    when_i_fill_in(page, "What is the token for?", "GP practice record system")
    when_i_choose(page, "What may the other system do?", "Read plans as FHIR R4, for health and care record systems")
    when_i_choose(page, "How long should the token work for?", "90 days")
    when_i_press(page, "Make the token", to="Your new token")
    then_i_see(page, "only shown once")

    when_i_follow(page, "Go to the tokens", to="Tokens for other systems")
    then_i_see(page, "GP practice record system", "Read as FHIR R4", "Not used yet", "Working")
    revoke = "Revoke the token 'GP practice record system'"
    when_i_follow(page, revoke, to=revoke)
    when_i_press(page, "Revoke the token", to="Tokens for other systems")
    then_i_am_told(page, "The token 'GP practice record system' is revoked. It no longer works")
    then_i_see(page, "Revoked")
