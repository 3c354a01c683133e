"""Personal budgets (issue 14), without JavaScript, as a new user would try it: Priya drafts Alex's
budget linked to his outcomes, the Care Act check names what is missing, she fixes it and sends it;
Morgan returns one line from his queue; Priya answers; Morgan approves inside the target; Alex is
told each time and reads his budget in plain English; Morgan records the first payment and sees
both clocks on the dashboard. Then the council's admin sets its limits, a larger budget goes on to
the second tier (Priya asks Morgan, Morgan agrees, Sasha signs it off), Priya pauses a line, and a
budget Morgan sent cannot be approved by Morgan. axe on every page on the way; Omar, who is not on
Alex's team, gets a 404."""

import pytest
from playwright.sync_api import Page, expect

from livingplan.budgets import services
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from tests.budgets.conftest import draft_budget, ready_plan, submitted
from tests.personas import World
from tests.system.journeys import (
    given_i_am_signed_in_as,
    main_content,
    then_i_am_told,
    then_there_is_a_problem,
    visit,
    when_i_choose,
    when_i_enter_the_date,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _add_money(page: Page, yearly: str) -> None:
    when_i_follow(page, "Add who funds it", to="Add who funds it")
    when_i_choose(page, "Who funds it?", "Council social care (Care Act personal budget)")
    when_i_fill_in(page, "Their share a year", yearly)
    when_i_press(page, "Add the funding", to="Personal budget")
    when_i_follow(page, "Add how it is spent", to="Add how it is spent")
    when_i_choose(page, "How is it spent?", "Direct payment")
    when_i_fill_in(page, "Amount a year", yearly)
    when_i_fill_in(page, "Who manages it?", "Alex, with Sam's help")
    when_i_fill_in(page, "Which needs does it meet?", "Personal care in the mornings")
    when_i_press(page, "Add", to="Personal budget")


def _priya_drafts_and_sends(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{world.alex_record.pk}/budget/", heading="Personal budget")
    when_i_follow(page, "Start a personal budget", to="Start a personal budget")
    when_i_press(page, "Start the budget", to="Start a personal budget")
    then_there_is_a_problem(page, "Enter indicative budget a year", "Enter how was it worked out?")
    when_i_fill_in(page, "Indicative budget a year", "9000")
    when_i_fill_in(page, "How was it worked out?", "Resource allocation system")
    when_i_press(page, "Start the budget", to="Personal budget")
    expect(main_content(page)).to_contain_text("Which needs are met and how: Add the support")
    when_i_follow(page, "Add costed support", to="Add costed support")
    when_i_fill_in(page, "What is the support?", "Personal care in the morning")
    when_i_fill_in(page, "Who provides it?", "Brightwell Home Care")
    when_i_choose(page, "Paid by", "An hour")
    when_i_fill_in(page, "Cost of one unit", "24")
    when_i_fill_in(page, "How many", "7")
    when_i_choose(page, "Which outcomes is it for?", "Walk to the shops on my own")
    when_i_press(page, "Add the support", to="Personal budget")
    _add_money(page, "8736")
    when_i_follow(page, "Contribution, advice and involvement", to="Contribution, advice and involvement")
    when_i_fill_in(page, "The person's assessed contribution a year", "0")
    when_i_fill_in(page, "Advice and information given", "Direct payments leaflet")
    when_i_fill_in(page, "How the person was involved", "Alex chose the provider")
    when_i_press(page, "Save", to="Personal budget")
    when_i_follow(page, "Send for sign-off", to="Send the budget for sign-off")
    when_i_press(page, "Send for sign-off", to="Personal budget")
    then_i_am_told(page, "Sent for sign-off")
    when_i_sign_out(page)


def test_a_budget_from_draft_to_first_payment(page_without_javascript: Page, world: World) -> None:
    page = page_without_javascript
    ready_plan(world)
    _priya_drafts_and_sends(page, world)

    given_i_am_signed_in_as(page, "morgan")
    visit(page, "/budgets/", heading="Budgets waiting for sign-off")
    expect(main_content(page)).to_contain_text("£8,736.00")
    when_i_follow(page, "Alex Carter", to="Decide Alex Carter's budget")
    when_i_choose(page, "Your decision", "Return for changes")
    when_i_press(page, "Record the decision", to="Decide Alex Carter's budget")
    then_there_is_a_problem(page, "Give the reason, so the worker and the person know why")
    when_i_choose(page, "Your decision", "Return for changes")
    when_i_choose(page, "Which line needs changing?", "Personal care in the morning")
    when_i_fill_in(page, "Reason", "Seven hours looks high: check with Alex")
    when_i_press(page, "Record the decision", to="Budgets waiting for sign-off")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{world.alex_record.pk}/budget/", heading="Personal budget")
    expect(main_content(page)).to_contain_text("Seven hours looks high: check with Alex")
    when_i_follow(page, "Change Personal care in the morning", to="Change: Personal care in the morning")
    when_i_fill_in(page, "How many", "5")
    when_i_press(page, "Save the change", to="Personal budget")
    _add_money(page, "6240")
    when_i_follow(page, "Send for sign-off", to="Send the budget for sign-off")
    when_i_fill_in(page, "What did you change?", "Five hours, as Alex prefers")
    when_i_press(page, "Send for sign-off", to="Personal budget")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "morgan")
    visit(page, f"/people/{world.alex_record.pk}/budget/decide/", heading="Decide Alex Carter's budget")
    when_i_choose(page, "Your decision", "Approve")
    when_i_press(page, "Record the decision", to="Budgets waiting for sign-off")
    visit(page, f"/people/{world.alex_record.pk}/budget/", heading="Personal budget")
    when_i_follow(page, "Record the first payment or service", to="Record the first payment or service")
    when_i_choose(page, "What happened first?", "First payment made")
    when_i_enter_the_date(page, "Date", world.alex_record.created_at.date())
    when_i_press(page, "Record it", to="Personal budget")
    visit(page, "/budgets/dashboard/", heading="Time to sign-off")
    expect(main_content(page)).to_contain_text("Median working days approval to first payment")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "alex")
    visit(page, f"/people/{world.alex_record.pk}/budget/", heading="Your personal budget")
    expect(main_content(page)).to_contain_text("£6,240.00 a year (£120.00 a week)")
    expect(main_content(page)).to_contain_text("Walk to the shops on my own")
    expect(main_content(page)).to_contain_text("Approved")
    when_i_sign_out(page)
    told = OutboxMessage.objects.filter(person_id=world.alex_record.pk, template_key__startswith="budget_")
    assert list(told.order_by("pk").values_list("template_key", flat=True)) == [
        "budget_submitted",
        "budget_returned",
        "budget_resubmitted",
        "budget_approved",
    ]

    given_i_am_signed_in_as(page, "omar")
    response = page.goto(f"/people/{world.alex_record.pk}/budget/")
    assert response is not None
    assert response.status == 404


def _admin_lowers_the_team_managers_limit(page: Page) -> None:
    given_i_am_signed_in_as(page, "admin")
    label = "Budget sign-off: approval limits, the target and the second tier"
    when_i_follow(page, label, to="Budget sign-off settings")
    when_i_fill_in(page, "Team manager's approval limit a year", "-5")
    when_i_press(page, "Save the settings", to="Budget sign-off settings")
    then_there_is_a_problem(page, "Enter an amount of £0 or more")
    when_i_fill_in(page, "Team manager's approval limit a year", "20,000")
    when_i_press(page, "Save the settings", to="Budget sign-off settings")
    then_i_am_told(page, "Budget sign-off settings saved")
    when_i_sign_out(page)


def test_a_larger_budget_goes_on_to_the_second_tier_and_nobody_approves_their_own(
    page_without_javascript: Page, world: World
) -> None:
    page = page_without_javascript
    ready = ready_plan(world)
    alex = world.alex_record
    _admin_lowers_the_team_managers_limit(page)
    submitted(ready, hours=20)  # £24,960 a year: over Morgan's £20,000

    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{alex.pk}/budget/", heading="Personal budget")
    when_i_follow(page, "Ask someone to decide", to="Ask someone to decide")
    when_i_choose(page, "Who should decide?", "Morgan Reilly, team manager (up to £20,000.00 a year)")
    when_i_press(page, "Ask them to decide", to="Personal budget")
    expect(main_content(page)).to_contain_text("Asked to decide: Morgan Reilly")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "morgan")
    visit(page, f"/people/{alex.pk}/budget/decide/", heading="Decide Alex Carter's budget")
    when_i_choose(page, "Your decision", "Approve")
    when_i_press(page, "Record the decision", to="Budgets waiting for sign-off")
    expect(main_content(page)).to_contain_text("Second tier")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "sasha")
    visit(page, "/budgets/", heading="Budgets waiting for sign-off")
    when_i_follow(page, "Alex Carter", to="Decide Alex Carter's budget")
    when_i_choose(page, "Your decision", "Approve")
    when_i_press(page, "Record the decision", to="Budgets waiting for sign-off")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{alex.pk}/budget/", heading="Personal budget")
    expect(main_content(page)).to_contain_text("Sasha Grant signed it off")
    when_i_follow(page, "Pause Personal care in the morning", to="Pause: Personal care in the morning")
    when_i_enter_the_date(page, "Paused from", alex.created_at.date())
    when_i_fill_in(page, "Why is it paused?", "A short stay in hospital")
    when_i_press(page, "Pause the support", to="Personal budget")
    expect(main_content(page)).to_contain_text("so £0.00 a year is being spent")
    when_i_sign_out(page)
    told = OutboxMessage.objects.filter(person_id=alex.pk, template_key__startswith="budget_")
    assert list(told.order_by("pk").values_list("template_key", flat=True)) == [
        "budget_submitted",
        "budget_second_tier",
        "budget_approved",
        "budget_line_paused",
    ]

    # Morgan joins Alex's care team and sends a new budget himself: he cannot approve it.
    people.add_care_team_member(alex, by=world.priya, user=world.morgan, organisation=world.council_a)
    own, _ = draft_budget(ready)
    services.submit_budget(own, by=world.morgan)
    given_i_am_signed_in_as(page, "morgan")
    visit(page, f"/people/{alex.pk}/budget/decide/", heading="Decide Alex Carter's budget")
    when_i_choose(page, "Your decision", "Approve")
    when_i_press(page, "Record the decision", to="Decide Alex Carter's budget")
    expect(main_content(page)).to_contain_text("You drafted or submitted this budget, so someone else must decide it.")
    when_i_sign_out(page)
