"""The plan in six steps (issue 12, ADR-035): the same plan, set out as social care often does,
built from the plan each time: a change in the plan shows here, and nothing hidden from the
viewer in the plan shows here either."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingplan.plans import services as plans
from livingplan.plans.models import Layer
from livingplan.plans.sections import Section
from tests.personas import AlexPlan, World, build_alex_plan

Clients = Callable[[str], Client]


@pytest.fixture
def records(world: World) -> AlexPlan:
    records = build_alex_plan(world)
    plan = records.plan
    plans.add_statement(plan, by=world.sam, section=Section.STRENGTHS_FAMILY, text="Sam visits on Sundays")
    plans.add_risk(
        plan, by=world.priya, what_could_go_wrong="Alex might fall", what_we_agree="A pendant alarm", decided_by="Alex"
    )
    plans.set_review_arrangements(
        plan,
        by=world.priya,
        next_review_on=timezone.localdate() + dt.timedelta(days=90),
        review_lead=world.priya,
        early_review_triggers="A stay in hospital",
    )
    return records


def _page(client: Client, world: World) -> str:
    response = client.get(reverse("conversations:six-steps", args=[world.alex_record.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_alex_walks_through_his_plan_in_six_steps(world: World, records: AlexPlan, client_for: Clients) -> None:
    page = _page(client_for("alex"), world)

    steps = ["About me", "What I want to change", "What I have", "Ideas", "My decisions", "Making it happen"]
    positions = [page.index(f"</span> {step}</h2>") for step in steps]
    assert positions == sorted(positions)
    assert "My garden" in page
    assert "Walk to the shops on my own" in page
    assert "Sam visits on Sundays" in page
    assert "Try the route together" in page
    assert "Alex might fall: A pendant alarm" in page
    assert "We will look at the plan sooner if: A stay in hospital." in page
    assert "Version 1 agreed on" in page


def test_it_says_whose_words_each_thing_is(world: World, records: AlexPlan, client_for: Clients) -> None:
    page = _page(client_for("priya"), world)

    assert "In Alex&#39;s words" in page
    assert "Added by Sam Carter, daughter" in page


def test_a_change_in_the_plan_shows_at_once(world: World, records: AlexPlan, client_for: Clients) -> None:
    alex = client_for("alex")
    _page(alex, world)
    plans.add_outcome(records.plan, by=world.alex, text="Go to the coast in the summer")

    assert "Go to the coast in the summer" in _page(alex, world)


def test_sam_sees_only_the_parts_alex_shares_with_him(world: World, records: AlexPlan, client_for: Clients) -> None:
    page = _page(client_for("sam"), world)

    assert "Walk to the shops on my own" in page
    assert "Alex might fall" not in page
    assert "Alex has chosen not to share some parts of the plan with you" in page


def test_ideas_start_from_the_person_outwards(world: World, records: AlexPlan, client_for: Clients) -> None:
    plans.add_action(
        records.outcome, by=world.priya, what="Ask about a taxi card", owner_name="Priya", layer=Layer.SPECIALIST
    )
    plans.add_action(records.outcome, by=world.alex, what="Practise the route", owner_name="me", layer=Layer.SELF_CARE)

    page = _page(client_for("alex"), world)
    ideas = page[page.index("</span> Ideas</h2>") : page.index("</span> My decisions</h2>")]
    assert (
        ideas.index("Practise the route") < ideas.index("Try the route together") < ideas.index("Ask about a taxi card")
    )


def test_the_plan_page_links_to_the_six_steps(world: World, records: AlexPlan, client_for: Clients) -> None:
    plan_page = client_for("alex").get(reverse("plans:plan", args=[world.alex_record.pk])).content.decode()
    assert reverse("conversations:six-steps", args=[world.alex_record.pk]) in plan_page


@pytest.mark.parametrize("username", ["omar", "casey", "admin"])
def test_people_who_cannot_see_alex_get_nothing(
    world: World, records: AlexPlan, client_for: Clients, username: str
) -> None:
    response = client_for(username).get(reverse("conversations:six-steps", args=[world.alex_record.pk]))
    assert response.status_code == 404


def test_the_page_costs_the_same_however_long_the_plan_is(world: World, records: AlexPlan, client_for: Clients) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alex = client_for("alex")
    url = reverse("conversations:six-steps", args=[world.alex_record.pk])
    alex.get(url)
    with CaptureQueriesContext(connection) as short:
        alex.get(url)
    for n in range(5):
        outcome = plans.add_outcome(records.plan, by=world.alex, text=f"Outcome {n}")
        plans.add_action(outcome, by=world.sam, what=f"Step {n}", owner_name="Sam", layer=Layer.FAMILY_FRIENDS)
        plans.add_statement(records.plan, by=world.sam, section=Section.STRENGTHS_FAMILY, text=f"Help {n}")
    with CaptureQueriesContext(connection) as long:
        page = alex.get(url).content.decode()

    assert "Step 4" in page
    assert len(long.captured_queries) == len(short.captured_queries)
