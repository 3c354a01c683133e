"""Reviews (issue 13), as new users would try them, without JavaScript and with axe on every page:
Alex asks for a review from his home and reads the answer; Dr Jones's handover raises a medication
change; Priya's caseload shows its clock; Priya decides, runs the review with each view (Sam's
included) and completes it; Alex agrees the new version, six months to the next review, and rates it."""

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingplan.core.presenters import date_long
from livingplan.core.workdays import LONDON
from livingplan.plans import notes
from livingplan.reviews import services
from livingplan.reviews.models import ReviewPolicy
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
    expect(main_content(page)).to_contain_text("You have not chosen yet. Reviews happen at least every 6 months.")
    when_i_follow(page, "Choose how and how often", to="How and how often you want your reviews")
    when_i_choose(page, "How would you like your reviews to happen?", "A meeting with the people who support me")
    when_i_choose(page, "How often?", "Every 6 months")
    when_i_press(page, "Save my choice", to="Your reviews")
    expect(main_content(page)).to_contain_text("A meeting with the people who support me, every 6 months.")
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


def _priya_adds_an_action(page: Page) -> None:
    """A SMART action agreed at the review: who and by when are required."""
    when_i_follow(page, "Add an action for: Walk to the shops on my own", to="Add an action agreed at the review")
    when_i_press(page, "Add the action", to="Add an action agreed at the review")
    then_there_is_a_problem(
        page,
        "Enter what will be done",
        "Enter who will do it",
        "Enter the date it will be done by",
        "Select who gives this support",
    )
    when_i_fill_in(page, "What will be done?", "Try the bus into town on Saturdays.")
    when_i_fill_in(page, "Who will do it?", "Sam Carter")
    when_i_enter_the_date(page, "By when?", timezone.localdate() + dt.timedelta(days=28))
    when_i_choose(page, "Who gives this support?", "Family and friends")
    when_i_press(page, "Add the action", to="Requested review")
    then_i_am_told(page, "The action is added to the plan.")
    expect(main_content(page)).to_contain_text("Try the bus into town on Saturdays: Sam Carter, by")


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
    _priya_adds_an_action(page)
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


def test_the_admin_sets_how_reviews_run_and_more_than_twelve_months_is_refused(
    page_without_javascript: Page, world: World
) -> None:
    page = page_without_javascript
    given_i_am_signed_in_as(page, "admin")
    when_i_follow(
        page,
        "Reviews: how often, and the targets for answering and deciding",
        to="How Northbridge Council runs reviews",
    )
    when_i_fill_in(page, "Months between planned reviews, at most", "13")
    when_i_press(page, "Save the changes", to="How Northbridge Council runs reviews")
    then_there_is_a_problem(page, "Enter 12 months or fewer: the law says reviews must happen at least every 12 months")
    when_i_fill_in(page, "Months between planned reviews, at most", "12")
    when_i_fill_in(page, "Working days to decide about a change: medication", "1")
    when_i_fill_in(page, "Your own reasons for an unplanned review", "Housing changed")
    when_i_press(page, "Save the changes", to="How Northbridge Council runs reviews")
    then_i_am_told(page, "Saved. Every open clock now counts to these targets.")
    policy = ReviewPolicy.objects.get()
    assert (policy.every_months, policy.decision_days["MEDICATION"]) == (12, 1)


# Thursday 25 March 2027, 4pm in London: Good Friday and Easter Monday follow, and the clocks go
# forward on Sunday 28 March. Medication: 2 working days, so due by the end of Wednesday 31 March.
MAUNDY_THURSDAY = dt.datetime(2027, 3, 25, 16, 0, tzinfo=LONDON)


def test_priyas_caseload_counts_down_across_easter_and_escalates_to_her_manager_when_it_passes(
    page_without_javascript: Page, world: World
) -> None:
    page = page_without_javascript
    agree_alexs_plan(world)
    with time_machine.travel(MAUNDY_THURSDAY, tick=True) as traveller:
        services.answer_handover(
            world.alex_record,
            by=world.dr_jones,
            needs_change=True,
            category="MEDICATION",
            what_happened="Blood pressure tablets changed today.",
        )
        given_i_am_signed_in_as(page, "priya")
        expect(main_content(page)).to_contain_text("2 working days left")
        when_i_sign_out(page)

        traveller.move_to(dt.datetime(2027, 3, 31, 10, 0, tzinfo=LONDON))
        given_i_am_signed_in_as(page, "priya")
        expect(main_content(page)).to_contain_text("Due today")
        when_i_sign_out(page)

        traveller.move_to(dt.datetime(2027, 4, 1, 9, 15, tzinfo=LONDON))
        given_i_am_signed_in_as(page, "priya")
        expect(main_content(page)).to_contain_text("Overdue by 1 working day")
        when_i_sign_out(page)

        given_i_am_signed_in_as(page, "morgan")
        when_i_follow(
            page,
            "Reviews and decisions overdue, and reviews completed without the person's view",
            to="Reviews and decisions overdue",
        )
        expect(main_content(page)).to_contain_text("Alex Carter")
        expect(main_content(page)).to_contain_text("Medication")


def test_sam_asks_for_a_review_from_his_note_on_alexs_plan(page_without_javascript: Page, world: World) -> None:
    page = page_without_javascript
    agreed = agree_alexs_plan(world)
    notes.add_note(agreed.plan, by=world.sam, text="Dad has been falling asleep at lunch since the new tablets.")
    given_i_am_signed_in_as(page, "sam")
    visit(page, f"/people/{world.alex_record.pk}/plan/", heading="Alex's plan")
    when_i_follow(page, re.compile("^Ask for a review about this note"), to="Ask for a review of the plan")
    expect(main_content(page)).to_contain_text("You are asking about this note: “Dad has been falling asleep")
    when_i_fill_in(page, "Why would you like a review?", "The tablets may need changing, and his visits with them.")
    when_i_press(page, "Send the request", to=ALEXS)
    then_i_am_told(page, SENT)
    expect(main_content(page)).to_contain_text("Asked from a note between reviews.")
