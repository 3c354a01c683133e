"""A coordinator's home is a caseload: who has a plan, whose review is due, what is overdue."""

import datetime as dt
import html
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livingplan.people import services as people
from livingplan.people.models import Person
from livingplan.plans import services as plans
from livingplan.plans.models import Layer, Plan
from livingplan.plans.sections import Section, SharingGroup
from tests.factories import PersonFactory, put_on_care_team
from tests.personas import World

ClientFor = Callable[[str], Client]
TODAY = timezone.localdate()


def text_of(response) -> str:
    assert response.status_code == 200
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _row(page: str, name: str) -> str:
    """The text of one person's row in the caseload table, from their name to the next row."""
    match = re.search(rf"{name} .*?(Coordinator|GP|Care team member)", page)
    assert match, f"{name} is not on the caseload"
    return match.group(0)


def _alex_with_work(world: World) -> Plan:
    """Alex's plan: review 3 days ago, one action overdue, one coming up, one suggestion waiting."""
    plan = plans.start_plan(world.alex_record, by=world.priya)
    outcome = plans.add_outcome(plan, by=world.alex, text="Walk to the shop", expected_revision=plan.revision)
    for what, due in (("Physio referral", TODAY - dt.timedelta(days=9)), ("Ring the club", TODAY + dt.timedelta(7))):
        plan.refresh_from_db()
        plans.add_action(
            outcome,
            by=world.priya,
            what=what,
            owner_name="Priya",
            layer=Layer.SPECIALIST,
            due_on=due,
            expected_revision=plan.revision,
        )
    plan.refresh_from_db()
    plans.add_statement(
        plan, by=world.priya, section=Section.ABOUT_PLEASE_DO, text="Ring first", expected_revision=plan.revision
    )
    plan.refresh_from_db()
    plans.set_review_arrangements(
        plan,
        by=world.priya,
        next_review_on=TODAY - dt.timedelta(days=3),
        review_lead=world.priya,
        early_review_triggers="",
        expected_revision=plan.revision,
    )
    plan.refresh_from_db()
    return plan


def _more_people(world: World, count: int, *, family_name: str = "Ives") -> list[Person]:
    made = []
    for index in range(count):
        person = PersonFactory.create(
            lead_organisation=world.council_a, given_name=f"Person{index}", family_name=family_name
        )
        put_on_care_team(person, world.priya, world.council_a, is_coordinator=True)
        made.append(person)
    return made


def test_priyas_caseload_shows_each_persons_plan_review_and_work_waiting(world: World, client_for: ClientFor) -> None:
    _alex_with_work(world)
    _more_people(world, 2)

    page = text_of(client_for("priya").get("/"))

    alex = _row(page, "Alex Carter")
    assert "Draft" in alex
    assert "Overdue" in alex  # the review date has passed
    assert re.search(r"Overdue 1 1 Coordinator", alex)  # one action overdue, one suggestion waiting
    assert "No plan yet Not set None None Coordinator" in _row(page, "Person0 Ives")
    assert "You are on the care team of 3 people." in page


def test_the_filters_say_how_many_people_each_holds_and_show_only_them(world: World, client_for: ClientFor) -> None:
    _alex_with_work(world)
    _more_people(world, 2)
    priya = client_for("priya")

    everyone = text_of(priya.get("/"))
    assert "Everyone (3)" in everyone
    assert "Actions overdue (1)" in everyone
    assert "No plan yet (2)" in everyone
    assert "Review overdue or due in 4 weeks (1)" in everyone

    overdue = text_of(priya.get("/?show=overdue-actions"))
    assert "Alex Carter" in overdue
    assert "Person0 Ives" not in overdue
    no_plan = text_of(priya.get("/?show=no-plan"))
    assert "Alex Carter" not in no_plan
    assert "Person1 Ives" in no_plan


def test_sorting_by_next_review_puts_the_most_overdue_first(world: World, client_for: ClientFor) -> None:
    _alex_with_work(world)
    later = _more_people(world, 1, family_name="Aardvark")[0]
    plan = plans.start_plan(later, by=world.priya)
    plans.set_review_arrangements(
        plan,
        by=world.priya,
        next_review_on=TODAY + dt.timedelta(days=60),
        review_lead=world.priya,
        early_review_triggers="",
        expected_revision=plan.revision,
    )

    by_name = text_of(client_for("priya").get("/?sort=name"))
    by_review = text_of(client_for("priya").get("/?sort=review"))

    assert by_name.index("Person0 Aardvark") < by_name.index("Alex Carter")
    assert by_review.index("Alex Carter") < by_review.index("Person0 Aardvark")


@pytest.mark.parametrize("query", ["?show=nonsense", "?sort=%C2%B2", "?show=&sort=", "?sort=" + "x" * 5000])
def test_an_odd_filter_or_sort_shows_everyone_by_name(world: World, client_for: ClientFor, query: str) -> None:
    page = text_of(client_for("priya").get("/" + query))

    assert "Alex Carter" in page


def test_people_who_share_a_name_are_told_apart(world: World, client_for: ClientFor) -> None:
    for nhs_number, born in (("9990000018", dt.date(1950, 1, 2)), ("9990000026", dt.date(1972, 8, 9))):
        twin = PersonFactory.create(
            lead_organisation=world.council_a, given_name="Jo", family_name="Smith", date_of_birth=born
        )
        put_on_care_team(twin, world.priya, world.council_a, is_coordinator=True)
        people.update_person_details(twin, by=world.priya, nhs_number=nhs_number)

    page = text_of(client_for("priya").get("/"))

    assert "Jo Smith born 2 January 1950, NHS number ending 0018" in page
    assert "Jo Smith born 9 August 1972, NHS number ending 0026" in page


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured.captured_queries)


def test_the_caseload_costs_the_same_queries_whatever_its_size(world: World, client_for: ClientFor) -> None:
    priya = client_for("priya")
    _alex_with_work(world)
    small = _queries(priya)
    for person in _more_people(world, 30):
        plans.start_plan(person, by=world.priya)

    assert _queries(priya) == small


def test_the_caseload_leaves_out_people_who_have_not_shared_with_the_viewers_organisation(
    world: World, client_for: ClientFor
) -> None:
    unshared = PersonFactory.create(lead_organisation=world.council_a, given_name="Nadia", family_name="Quill")
    put_on_care_team(unshared, world.dr_jones, world.gp_practice, consent=False)

    assert "Nadia Quill" not in text_of(client_for("dr.jones").get("/"))


def test_the_counts_leave_out_what_the_person_does_not_share_with_the_viewers_organisation(
    world: World, client_for: ClientFor
) -> None:
    plan = _alex_with_work(world)
    outcome = plan.outcomes.get()
    plans.add_action(
        outcome,
        by=world.alex,
        what="Pay the gardener from my budget",
        owner_name="Alex",
        layer=Layer.PERSONAL_BUDGET,
        due_on=TODAY - dt.timedelta(days=4),
        expected_revision=plan.revision,
    )
    priya = client_for("priya")
    assert re.search(r"Overdue 2 1 Coordinator", _row(text_of(priya.get("/")), "Alex Carter"))

    plans.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.BUDGET, is_shared=False, organisation=world.council_a
    )
    assert re.search(r"Overdue 1 1 Coordinator", _row(text_of(priya.get("/")), "Alex Carter"))

    plans.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.ABOUT_ME, is_shared=False, organisation=world.council_a
    )
    plans.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.OUTCOMES, is_shared=False, organisation=world.council_a
    )
    # The suggestion waiting is on the one-page profile; the actions sit under outcomes.
    assert re.search(r"Overdue None None Coordinator", _row(text_of(priya.get("/")), "Alex Carter"))


def test_people_are_not_told_apart_by_details_they_have_not_shared_with_the_viewer(
    world: World, client_for: ClientFor
) -> None:
    plans.set_sharing(
        world.alex_record,
        by=world.alex,
        group=SharingGroup.PERSONAL_DETAILS,
        is_shared=False,
        organisation=world.gp_practice,
    )

    assert "born 14 June 1951" not in text_of(client_for("dr.jones").get("/"))
    assert "born 14 June 1951" in text_of(client_for("priya").get("/"))
