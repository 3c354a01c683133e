"""Priya's home is her caseload: she sees who needs what, filters and sorts it, with or without JavaScript."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, Person
from livingplan.plans import services as plans
from tests.factories import PersonFactory, put_on_care_team
from tests.personas import World
from tests.system.journeys import (
    given_i_am_signed_in_as,
    main_content,
    then_i_am_on_the_page,
    then_i_am_told,
    then_the_accessibility_baseline_is_met,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _caseload(world: World) -> None:
    plan = plans.start_plan(world.alex_record, by=world.priya)
    plans.set_review_arrangements(
        plan,
        by=world.priya,
        next_review_on=timezone.localdate() - dt.timedelta(days=2),
        review_lead=world.priya,
        early_review_triggers="",
        expected_revision=plan.revision,
    )
    for given in ("Bea", "Cal"):
        person = PersonFactory.create(lead_organisation=world.council_a, given_name=given, family_name="Ives")
        put_on_care_team(person, world.priya, world.council_a, is_coordinator=True)


def test_priya_sees_whose_review_is_overdue_and_who_has_no_plan(page: Page, world: World) -> None:
    _caseload(world)
    given_i_am_signed_in_as(page, "priya")

    table = main_content(page).get_by_role("table", name="people whose care team you are on")
    alex = table.get_by_role("row").filter(has_text="Alex Carter")
    expect(alex).to_contain_text("Draft")
    expect(alex).to_contain_text("Overdue")

    main_content(page).get_by_role("link", name="No plan yet (2)").click()
    then_i_am_on_the_page(page, "Hello, Priya")
    expect(table.get_by_role("row")).to_have_count(3)  # the header row and Bea and Cal
    expect(table).not_to_contain_text("Alex Carter")
    expect(main_content(page).get_by_text("No plan yet (2)", exact=True)).to_have_attribute("aria-current", "true")


def test_without_javascript_priya_sorts_her_caseload_by_next_review(
    page_without_javascript: Page, world: World
) -> None:
    page = page_without_javascript
    _caseload(world)
    given_i_am_signed_in_as(page, "priya")

    main_content(page).get_by_label("Sort by").select_option(label="Next review")
    main_content(page).get_by_role("button", name="Sort").click()

    then_i_am_on_the_page(page, "Hello, Priya")
    rows = main_content(page).get_by_role("table", name="people whose care team you are on").locator("tbody tr")
    expect(rows.first).to_contain_text("Alex Carter")  # the only one with a review date, and it is overdue


def test_priya_is_asked_to_call_alex_and_marks_it_done(page: Page, world: World) -> None:
    people.update_person_details(world.alex_record, by=world.alex, pronouns="he/him")
    people.set_communication_needs(world.alex_record, by=world.alex, preferred_channel=ContactChannel.PHONE)
    alex = Person.objects.get(pk=world.alex_record.pk)
    outbox.queue(
        template="plan_agreed",
        to=messaging.recipient_for_person(alex),
        personalisation={"first_name": "Alex", "agreed_on": "2 March 2026", "link": "https://x.example/p/"},
        key="plan-agreed-journey",
        person_id=alex.pk,
    )
    given_i_am_signed_in_as(page, "priya")

    todo = main_content(page).get_by_role("table", name="Things to do for the people you coordinate")
    expect(todo).to_contain_text("Call Alex: his care and support plan has been agreed")
    then_the_accessibility_baseline_is_met(page)

    when_i_press(page, re.compile(r"^Mark as done\W+Call Alex: his care and support plan"), to="Hello, Priya")
    then_i_am_told(page, "Marked as done for Alex Carter.")
    expect(main_content(page).get_by_role("heading", name="Things to do (0)")).to_be_visible()
