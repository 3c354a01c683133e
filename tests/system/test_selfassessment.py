"""The progress self-assessment (issue 16), in a browser without JavaScript, axe on every page.

Northbridge Council's admin starts a round and invites a coordinator, a person who uses services
and a family carer; they score; a colleague not invited is told so; the gap between staff and
people is highlighted; the group agrees levels; the heatmap and the comparison with last spring's
round show movement; a priority with an owner and a date is added and moved on; the round closes.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingplan.selfassessment import instrument
from tests.personas import World
from tests.selfassessment.builders import AGREED_AREA, GAP_AREA, closed_earlier_round
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_i_am_told,
    then_i_see,
    then_there_is_a_problem,
    visit,
    when_i_choose,
    when_i_enter_the_date,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHIPPED = instrument.shipped()
FIRST, GAP = (next(a for a in SHIPPED.areas if a.id == wanted) for wanted in (AGREED_AREA, GAP_AREA))
ROUND = "Winter 2026 self-assessment"
PRIORITY = "Start every conversation with what matters"


def _invite(page: Page, username: str, kind: str) -> None:
    when_i_follow(page, "Invite someone to rate", to="Invite someone to rate")
    when_i_fill_in(page, "Their username or email address", username)
    when_i_choose(page, "They are taking part as", kind)
    when_i_press(page, "Invite them", to=ROUND)


def _after(area: instrument.Area) -> str:
    """The area "save and continue" leads to."""
    return SHIPPED.areas[SHIPPED.areas.index(area) + 1].title


def _rate(page: Page, round_url: str, area: instrument.Area, level: int, evidence: str = "") -> None:
    visit(page, round_url, heading=ROUND)
    when_i_press(page, "Rate the areas", to="Rate the areas")
    when_i_follow(page, f"Rate {area.title}", to=area.title)
    when_i_choose(page, "Which level describes us best?", f"Level {level}")
    if evidence:
        when_i_fill_in(page, "What tells you this? (optional)", evidence)
    when_i_press(page, "Save and continue", to=_after(area))


def test_a_round_is_scored_agreed_compared_and_turned_into_an_action_plan(
    page_without_javascript: Page, world: World, live_server
) -> None:
    page, server = page_without_javascript, live_server.url
    closed_earlier_round(world)

    # The admin starts the round; a name left out is asked for.
    given_i_am_already_signed_in_as(page, world.admin, server=server)
    visit(page, "/self-assessment/", heading="Progress self-assessment")
    when_i_follow(page, "Start a round for Northbridge Council", to="Start a self-assessment round")
    when_i_press(page, "Start the round", to="Start a self-assessment round")
    then_there_is_a_problem(page, "Enter name of the round")
    when_i_fill_in(page, "Name of the round", ROUND)
    when_i_press(page, "Start the round", to=ROUND)
    round_url = page.url
    for username, kind in (("priya", "Staff"), ("alex", "Person who uses services"), ("sam", "Family carer")):
        _invite(page, username, kind)
    then_i_see(page, "Priya Shah", "Alex Carter", "Sam Carter", "0 of 40 areas rated")

    # Three raters score, with the level descriptions beside the radios; Alex comes back to change his.
    given_i_am_already_signed_in_as(page, world.priya, server=server)
    _rate(page, round_url, FIRST, 3)
    _rate(page, round_url, GAP, 4, "Our case file audit says so")
    given_i_am_already_signed_in_as(page, world.sam, server=server)
    _rate(page, round_url, FIRST, 3)
    _rate(page, round_url, GAP, 2)
    given_i_am_already_signed_in_as(page, world.alex, server=server)
    _rate(page, round_url, FIRST, 2)
    _rate(page, round_url, GAP, 1, "Nobody asked me what mattered")
    visit(page, round_url + "rate/", heading="Rate the areas")
    then_i_see(page, "2 of 40 areas rated")
    when_i_follow(page, f"Change {FIRST.title}", to=FIRST.title)
    then_i_see(page, FIRST.level(1), FIRST.level(5))
    when_i_choose(page, "Which level describes us best?", "Level 3")
    when_i_press(page, "Save and continue", to=_after(FIRST))

    # A colleague who was not invited is told so.
    given_i_am_already_signed_in_as(page, world.morgan, server=server)
    visit(page, round_url + f"rate/{AGREED_AREA}/", heading="You cannot do this in this round", status=403)
    then_i_see(page, "You have not been invited to rate in this round")

    # The admin sees the gap, and the group agrees levels with reasons.
    given_i_am_already_signed_in_as(page, world.admin, server=server)
    visit(page, round_url + "results/", heading="Results")
    then_i_see(page, "Where staff and people who use services see it differently", "Staff rated this 2.5 levels higher")
    expect(main_content(page).get_by_role("img", name="Heatmap of how many raters chose each level")).to_be_visible()
    for area, level, reason in ((FIRST, "3", "Everyone said 3"), (GAP, "2", "People's experience decides")):
        when_i_follow(page, f"Agree a level for {area.title}", to=f"Agree a level: {area.title}")
        when_i_choose(page, "Which level did the group agree?", f"Level {level}")
        when_i_fill_in(page, "Why the group agreed this level", reason)
        when_i_press(page, "Save the agreed level", to="Results")
    then_i_see(page, "Compared with Spring 2026", "2 areas moved up and 0 areas moved down")
    row = main_content(page).get_by_role("row", name=f"{FIRST.title} 1 3 Up 2")
    expect(row).to_be_visible()

    # The action plan: the next level as what we work towards, and a priority with an owner and date.
    visit(page, round_url + "actions/", heading="Action plan")
    then_i_see(page, f"Level 3: {GAP.level(3)}")
    when_i_follow(page, f"Make this a priority for {GAP.title}", to=f"Add a priority: {GAP.title}")
    when_i_fill_in(page, "The priority", PRIORITY)
    when_i_fill_in(page, "Why this is a priority", "People told us nobody asked them")
    when_i_fill_in(page, "First steps", "Try a new opening question in two teams")
    main_content(page).get_by_label("Who owns this").select_option(label="Priya Shah")
    when_i_enter_the_date(page, "By when", timezone.localdate() + dt.timedelta(days=90))
    when_i_fill_in(page, "How we will know it has worked", "People say they were asked first")
    when_i_press(page, "Add to the action plan", to="Action plan")
    then_i_am_told(page, "The priority is in the action plan.")
    then_i_see(page, PRIORITY, "Priya Shah", "Not started")

    # Priya, who owns it, moves it on.
    given_i_am_already_signed_in_as(page, world.priya, server=server)
    visit(page, round_url + "actions/", heading="Action plan")
    when_i_follow(page, PRIORITY, to=PRIORITY)
    when_i_choose(page, "Where it is now", "In progress")
    when_i_press(page, "Save the status", to=PRIORITY)
    then_i_see(page, "In progress, ")

    # The admin closes the round; a late rating is refused with a clear message.
    given_i_am_already_signed_in_as(page, world.admin, server=server)
    visit(page, round_url, heading=ROUND)
    when_i_press(page, "Close the round", to=ROUND)
    then_i_am_told(page, "The round is closed.")
    given_i_am_already_signed_in_as(page, world.alex, server=server)
    visit(page, round_url + f"rate/{AGREED_AREA}/", heading="You cannot do this in this round", status=409)
    then_i_see(page, "This round has closed")
