"""The planning journey in a browser, without JavaScript, with axe on every page (issue 12).

Priya starts planning with Jo, who is new; Dr Jones records a blood test result and that she
explained it to Jo; Jo signs in, sees on her home what will happen and when, and chooses her
coordinator.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.journeys.conftest import register_jo
from tests.personas import World
from tests.system.journeys import (
    given_i_am_signed_in_as,
    main_content,
    then_i_am_on_the_page,
    then_i_am_told,
    then_i_see,
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


def test_priya_starts_planning_and_jo_sees_what_will_happen_and_when(
    page_without_javascript: Page, world: World
) -> None:
    page = page_without_javascript
    jo = register_jo(world)
    today = timezone.localdate()
    by = today + dt.timedelta(weeks=4)

    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{jo.pk}/", heading="Jo Green")
    when_i_follow(page, "Planning: what happens next, and preparation", to="Planning with Jo")
    when_i_follow(page, "Start planning", to="Start planning with Jo")
    when_i_enter_the_date(page, "By when should the planning conversation happen?", today - dt.timedelta(days=1))
    when_i_press(page, "Start planning", to="Start planning with Jo")
    then_there_is_a_problem(page, "The date of the conversation must be today or in the future")
    when_i_enter_the_date(page, "By when should the planning conversation happen?", by)
    when_i_press(page, "Start planning", to="Planning with Jo")
    then_i_am_told(page, "Planning has started. Jo has been sent what to expect.")
    when_i_follow(page, "Part 1: The process", to="Preparing for the process")
    main_content(page).get_by_label("They have been told what will happen and when").check()
    when_i_choose(page, "Do they need an independent advocate?", "No")
    when_i_choose(page, "Do they need an interpreter?", "Not known yet")
    when_i_press(page, "Save", to="Planning with Jo")
    then_i_see(page, "2 of 6 things checked.")
    when_sign_out_and_in(page, "dr.jones")

    visit(page, f"/people/{jo.pk}/planning/", heading="Planning with Jo")
    when_i_follow(page, "Part 3: The practitioner's preparation", to="The practitioner's preparation")
    when_i_follow(page, "Add a test or assessment result", to="Add a test or assessment result")
    when_i_fill_in(page, "Test or assessment", "Blood test")
    when_i_fill_in(page, "Result", "Iron a little low")
    when_i_enter_the_date(page, "Date it was taken", today - dt.timedelta(days=3))
    when_i_press(page, "Save", to="The practitioner's preparation")
    when_i_press(page, "Mark the conversation ready", to="The practitioner's preparation")
    then_i_am_told(page, "Not yet explained to Jo: Blood test.")
    when_i_follow(
        page,
        re.compile(r"Record that it was explained.*Blood test"),
        to="Record that the Blood test result was explained",
    )
    when_i_enter_the_date(page, "Date you explained it", today)
    when_i_press(page, "Save", to="The practitioner's preparation")
    then_i_see(page, f"Explained by Eleri Jones on {today.day} {today:%B %Y}")
    when_sign_out_and_in(page, "jo")

    then_i_see(page, "What happens next", "You, with Priya Shah", f"Before {by.day} {by:%B %Y}")
    expect(main_content(page).locator("[aria-current=step]")).to_contain_text("Preparing")
    main_content(page).get_by_role("link", name="Your coordinator").click()
    then_i_am_on_the_page(page, "Your coordinator")
    when_i_press(page, "Save my choice", to="Your coordinator")
    then_there_is_a_problem(page, "Select who you would like as coordinator")
    when_i_choose(page, "Who would you like as your coordinator?", "Priya Shah (Northbridge Council)")
    when_i_press(page, "Save my choice", to="Your coordinator")
    then_i_see(page, "Jo chose Priya Shah.")
    expect(main_content(page).get_by_role("link", name=re.compile("Ask to change"))).to_be_visible()


def when_sign_out_and_in(page: Page, username: str) -> None:
    when_i_sign_out(page)
    given_i_am_signed_in_as(page, username)
