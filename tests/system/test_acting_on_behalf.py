"""Sam, Alex's attorney for health and welfare, agrees Alex's plan on Alex's behalf in a real browser.

Alex has been assessed as not able to make the decision to agree the plan; Alex's other decisions
are untouched. Every page is checked by axe, the error page included.
"""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from livingplan.plans import services
from livingplan.plans.sections import Section
from tests.capacity import sam_is_alexs_attorney_and_alex_cannot_agree
from tests.personas import World
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

WISHES_FIELD = "What are Alex's wishes and feelings about this plan, and how did you take them into account?"
WISHES = "Alex smiled and nodded at the garden photos and the walk to the shop; both stay in, as Alex put them."
MISSING = "Enter what Alex's wishes and feelings are and how you took them into account"
AGREED_BY_SAM = "by Sam Carter, attorney for health and welfare, on Alex's behalf"


def given_alexs_plan_is_ready_and_sam_may_agree_it_for_alex(world: World) -> None:
    plan = services.start_plan(world.alex_record, by=world.alex)
    services.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden")
    services.add_outcome(plan, by=world.alex, text="I want to walk to the shop on my own", importance=5)
    services.propose_plan(plan, by=world.priya)
    sam_is_alexs_attorney_and_alex_cannot_agree(world)


def test_sam_agrees_alexs_plan_on_alexs_behalf(page: Page, world: World, live_server) -> None:
    given_alexs_plan_is_ready_and_sam_may_agree_it_for_alex(world)
    plan_url = f"/people/{world.alex_record.pk}/plan/"

    # Alex sees why the button is not there, and who can agree instead.
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    visit(page, plan_url, heading="Your plan")
    then_i_see(page, "You have been assessed as not able to make the decision to agree this plan")
    expect(main_content(page).get_by_role("button", name="I agree to this plan")).to_have_count(0)

    given_i_am_already_signed_in_as(page, world.sam, server=live_server.url)
    visit(page, plan_url, heading="Alex's plan")
    then_i_see(page, "As their attorney for health and welfare, you can agree it on their behalf.")

    # Without saying how Alex's wishes were taken into account, nothing is agreed.
    when_i_press(page, "Agree on Alex's behalf", to="Agree Alex's plan on their behalf")
    then_there_is_a_problem(page, MISSING)

    when_i_fill_in(page, WISHES_FIELD, WISHES)
    when_i_press(page, "Agree on Alex's behalf", to="Alex's plan")
    then_i_am_told(page, "You agreed Alex's plan on their behalf. It is saved as version 1.")
    then_i_see(page, "Active", AGREED_BY_SAM)  # agreeing puts the plan in force

    when_i_follow(page, "Versions and what changed", to="Versions of the plan")
    then_i_see(page, AGREED_BY_SAM, WISHES)


def test_priya_records_the_assessment_and_links_sam_as_alexs_attorney(page: Page, world: World, live_server) -> None:
    given_i_am_already_signed_in_as(page, world.priya, server=live_server.url)
    visit(page, f"/people/{world.alex_record.pk}/", heading="Alex Carter")

    when_i_follow(page, "Record a capacity assessment", to="Record a capacity assessment")
    when_i_press(page, "Save", to="Record a capacity assessment")
    then_there_is_a_problem(page, "Select what the decision is about")
    when_i_choose(page, "What is the decision about?", "Agreeing their care and support plan")
    when_i_fill_in(page, "Which decision was assessed?", "Whether to agree the new care and support plan")
    when_i_choose(page, "What was the outcome?", "Lacks capacity to make this decision")
    when_i_enter_the_date(page, "Date of assessment", dt.date(2026, 1, 12))
    when_i_press(page, "Save", to="Alex Carter")

    when_i_follow(page, "Add an attorney or deputy", to="Add an attorney or deputy")
    when_i_choose(page, "What kind of authority?", "Lasting power of attorney for health and welfare")
    when_i_fill_in(page, "Name", "Sam Carter")
    when_i_enter_the_date(page, "Date registered", dt.date(2023, 4, 3))
    when_i_choose(page, "Do they sign in to Living Plan?", "Sam Carter")
    when_i_press(page, "Save", to="Alex Carter")
    then_i_see(page, "Agreeing their care and support plan", "Signs in as Sam Carter")
