"""The planning conversation (issue 12), without JavaScript and with axe on every page: Alex gets
ready at home and puts his answers into his plan; Priya records the conversation, and what Alex
said lands in the plan as his; the plan reads in six steps."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from livingplan.plans import services as plans
from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    given_i_am_signed_in_as,
    then_i_am_told,
    then_i_see,
    then_there_is_a_problem,
    when_i_choose,
    when_i_enter_the_date,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alex_prepares_priya_records_the_conversation_and_the_plan_reads_in_six_steps(
    page_without_javascript: Page, world: World, live_server
) -> None:
    page = page_without_javascript
    plans.start_plan(world.alex_record, by=world.priya)
    today = timezone.localdate()

    given_i_am_signed_in_as(page, "alex")
    when_i_follow(page, "Get ready for your planning conversation", to="Getting ready for your planning conversation")
    then_i_see(page, "Not started")
    when_i_follow(page, "Answer the questions", to="Your answers")
    when_i_fill_in(page, "What matters to me now", "My allotment and my grandson")
    when_i_fill_in(page, "What I want to change", "Get to the allotment on my own again")
    when_i_press(page, "Save and come back later", to="Getting ready for your planning conversation")
    then_i_am_told(page, "Your answers have been saved")
    then_i_see(page, "In progress", "My allotment and my grandson")

    when_i_follow(page, "Choose answers to put in your plan", to="Put your answers in your plan")
    when_i_press(page, "Put them in my plan", to="Put your answers in your plan")
    then_there_is_a_problem(page, "Select the answers you want to put in your plan")
    page.get_by_label("What matters to me now: My allotment and my grandson").check()
    page.get_by_label("What I want to change: Get to the allotment on my own again").check()
    when_i_press(page, "Put them in my plan", to="Your plan")
    then_i_see(page, "My allotment and my grandson", "Get to the allotment on my own again", "In your words")

    page.goto(f"/people/{world.alex_record.pk}/preparation/")
    when_i_follow(page, "Tell your care team you have finished preparing", to="Have you finished preparing?")
    when_i_press(page, "Yes, I have finished", to="Getting ready for your planning conversation")
    then_i_see(page, "Done")
    when_i_sign_out(page)

    given_i_am_already_signed_in_as(page, world.priya, server=live_server.url)
    page.goto(f"/people/{world.alex_record.pk}/plan/")
    when_i_follow(page, "Planning conversations", to="Planning conversations")
    when_i_follow(page, "Record a planning conversation", to="Record a planning conversation")
    when_i_press(page, "Continue", to="Record a planning conversation")
    then_there_is_a_problem(page, "Enter the date of the conversation", "Enter where the conversation took place")
    when_i_enter_the_date(page, "When did the conversation take place?", today)
    when_i_fill_in(page, "Where did it take place?", "At home")
    held = f"Planning conversation, {today.day} {today:%B %Y}"
    when_i_press(page, "Continue", to=held)

    when_i_follow(page, "Add what matters to them", to="What matters to the person")
    when_i_choose(page, "Who said it?", "Sam Carter, daughter")
    when_i_fill_in(page, "What matters to them?", "Dad is happiest outdoors")
    when_i_press(page, "Add to the plan", to=held)
    then_i_see(page, "Dad is happiest outdoors", "Said by Sam Carter, daughter", "Waiting for Alex to accept it")

    when_i_follow(page, "Add an agreed outcome", to="Outcomes we agreed")
    when_i_choose(page, "Who said it?", "Alex Carter (the person)")
    when_i_fill_in(page, "What do they want to achieve?", "Grow my own tomatoes this summer")
    when_i_choose(page, "How important is it to them?", "Very important")
    when_i_press(page, "Add to the plan", to=held)
    then_i_see(page, "Said by Alex Carter (the person)")

    when_i_follow(page, "Add a next step", to="Next steps: who does what, by when")
    when_i_choose(page, "Who said it?", "Alex Carter (the person)")
    when_i_choose(page, "Which outcome is this a step towards?", "Grow my own tomatoes this summer")
    when_i_fill_in(page, "What will happen?", "Sam drives Alex to the garden centre")
    when_i_choose(page, "Who will do it?", "Sam Carter, daughter")
    when_i_choose(page, "Where does the support come from?", "Family and friends")
    when_i_press(page, "Add to the plan", to="Next steps: who does what, by when")
    then_there_is_a_problem(page, "Enter the date it will be done by")
    when_i_enter_the_date(page, "By when?", today + dt.timedelta(days=14))
    when_i_press(page, "Add to the plan", to=held)

    when_i_follow(page, "Go to the plan", to="Alex's plan")
    then_i_see(page, "Grow my own tomatoes this summer", "In Alex's words")
    when_i_follow(page, "The plan in six steps", to="Alex's plan in six steps")
    then_i_see(
        page, "What I want to change", "Grow my own tomatoes this summer", "Sam drives Alex to the garden centre"
    )
