"""Reviews (issue 13), as new users would try them, without JavaScript and with axe on every page:
Alex asks for a review from his home and reads the answer; Dr Jones's handover raises a medication
change; Priya's caseload shows its clock; Priya decides, runs the review with each view (Sam's
included) and completes it; Alex agrees the new version, six months to the next review, and rates it."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingplan.core.presenters import date_long
from livingplan.reviews.schedule import add_months
from tests.personas import World
from tests.reviews.conftest import agree_alexs_plan
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
ALEXS = "Reviews of Alex Carter's plan"
SENT = "Your request has been sent. The coordinator will answer it, and you will see the answer here."


def _alex_asks(page: Page) -> None:
    given_i_am_signed_in_as(page, "alex")
    when_i_follow(page, "Ask for a review of your plan", to="Ask for a review of your plan")
    when_i_press(page, "Send the request", to="Ask for a review of your plan")
    then_there_is_a_problem(page, "Enter why you would like a review")
    when_i_fill_in(page, "Why would you like a review?", "My new tablets make me sleepy in the afternoons.")
    when_i_press(page, "Send the request", to="Your reviews")
    then_i_am_told(page, SENT)
    expect(main_content(page)).to_contain_text("Waiting for an answer")
    when_i_sign_out(page)


def _dr_jones_hands_over(page: Page, world: World) -> None:
    given_i_am_signed_in_as(page, "dr.jones")
    visit(page, f"/people/{world.alex_record.pk}/reviews/", heading=ALEXS)
    when_i_follow(page, "Handover: does anything today mean the plan needs to change?", to="Handover")
    when_i_choose(page, "Does anything today mean the plan needs to change?", "Yes")
    when_i_press(page, "Save", to="Handover")
    then_there_is_a_problem(page, "Select what kind of change this is", "Enter what happened")
    when_i_choose(page, "Does anything today mean the plan needs to change?", "Yes")
    when_i_choose(page, "If yes, what kind of change?", "Medication")
    when_i_fill_in(page, "If yes, what happened?", "Blood pressure tablets changed today.")
    when_i_press(page, "Save", to=ALEXS)
    when_i_sign_out(page)


def _priya_answers_and_decides(page: Page) -> None:
    given_i_am_signed_in_as(page, "priya")
    expect(main_content(page)).to_contain_text("Medication")
    expect(main_content(page)).to_contain_text("Review asked for")
    when_i_follow(page, "Medication for Alex Carter", to=ALEXS)
    expect(main_content(page)).to_contain_text("Decide by the end of")
    when_i_follow(page, "Answer this request", to="Answer the request for a review")
    when_i_choose(page, "Your answer", "Yes, there will be a review")
    when_i_enter_the_date(page, "Date of the review", timezone.localdate() + dt.timedelta(days=7))
    when_i_press(page, "Send the answer", to=ALEXS)
    when_i_follow(page, "Decide whether the plan needs to change", to="Decide whether the plan needs to change")
    when_i_choose(page, "Does the plan need to change?", "Update the plan")
    when_i_fill_in(page, "Why?", "Visits should move to the morning while the tablets settle.")
    when_i_press(page, "Record the decision", to=ALEXS)


def _priya_runs_the_review(page: Page) -> None:
    when_i_follow(page, "Start the review asked for", to="Start a review")
    when_i_press(page, "Start the review", to=ALEXS)
    when_i_follow(page, "Requested review", to="Requested review")
    for kind, name, working in (
        ("The person", "Alex Carter", "Walking to the shops with Sam."),
        ("Family or circle of support", "Sam Carter", "He is out more. The tablets make him sleepy."),
        ("Practitioner", "Dr Eleri Jones", "Blood pressure is better."),
    ):
        when_i_follow(page, "Add a view", to="What is working and what is not")
        when_i_choose(page, "Whose view is it?", kind)
        when_i_fill_in(page, "Their name", name)
        when_i_fill_in(page, "What is working?", working)
        when_i_press(page, "Save the view", to="Requested review")
    expect(main_content(page)).to_contain_text("Sam Carter (family or circle of support)")
    when_i_follow(page, "Look again at: Walk to the shops on my own", to="Look at this outcome again")
    when_i_choose(page, "Does this still matter?", "Yes")
    when_i_choose(page, "Progress, from 0 (not started) to 10 (achieved)", "6")
    when_i_press(page, "Save", to="Requested review")
    when_i_follow(page, "Complete the review", to="Complete the review")
    when_i_choose(page, "Outcome of the review", "No change")
    when_i_fill_in(page, "Who took part?", "Alex, Sam, Dr Jones and Priya")
    when_i_choose(page, "When should the next review be?", "In 6 months")
    when_i_press(page, "Complete the review", to="Complete the review")
    then_there_is_a_problem(page, "Enter the person's view in their own words, or why it could not be recorded")
    when_i_choose(page, "Outcome of the review", "No change")
    when_i_fill_in(page, "The person's view, in their own words", "I want my afternoons back.")
    when_i_choose(page, "When should the next review be?", "In 6 months")
    when_i_press(page, "Complete the review", to="Requested review")
    then_i_am_told(page, "The review is complete. The plan is ready for agreement.")
    when_i_sign_out(page)


def test_alex_asks_dr_jones_raises_a_change_priya_runs_the_review_and_alex_agrees_and_rates_it(
    page_without_javascript: Page, world: World
) -> None:
    page = page_without_javascript
    agree_alexs_plan(world)
    _alex_asks(page)
    _dr_jones_hands_over(page, world)
    _priya_answers_and_decides(page)
    _priya_runs_the_review(page)

    given_i_am_signed_in_as(page, "alex")
    when_i_follow(page, "Your reviews", to="Your reviews")
    expect(main_content(page)).to_contain_text("Yes: the review will be on or before")
    when_i_follow(page, "Requested review", to="Requested review")
    when_i_follow(page, "Read the plan and agree its new version", to="Your plan")
    when_i_press(page, "I agree to this plan", to="Your plan")
    visit(page, f"/people/{world.alex_record.pk}/reviews/", heading="Your reviews")
    expect(main_content(page)).to_contain_text(date_long(add_months(timezone.localdate(), 6)))
    when_i_follow(page, "Requested review", to="Requested review")
    when_i_follow(page, "Tell us how your review went", to="How was your review?")
    when_i_choose(page, "I was trusted to write my plan in my own way", "Completely true")
    when_i_choose(page, "The review was about me, not only about money", "Mostly true")
    when_i_press(page, "Send", to="Requested review")
    then_i_am_told(page, "Thank you. What you told us helps us get reviews right.")
    expect(main_content(page)).to_contain_text("I was trusted to write my plan in my own way: completely true")
    when_i_sign_out(page)

    # The team manager's view of what is overdue: nothing, as Priya kept to every clock.
    given_i_am_signed_in_as(page, "morgan")
    when_i_follow(
        page,
        "Reviews and decisions overdue, and reviews completed without the person's view",
        to="Reviews and decisions overdue",
    )
