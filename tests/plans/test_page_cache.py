"""The plan page and the API keep their rendered content between reads (ADR-013), and a reader
never sees it stale: every kind of change shows on the very next read."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from livingplan.people import services as people
from livingplan.people.models import InformationFormat
from livingplan.plans import services
from livingplan.plans.models import ActionStatus, Layer, Plan
from livingplan.plans.sections import Section, SharingGroup
from tests.personas import World


def page(client: Client, world: World) -> str:
    response = client.get(f"/people/{world.alex_record.pk}/plan/")
    assert response.status_code == 200
    return response.content.decode()


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_reading_an_unchanged_plan_again_costs_fewer_queries_and_shows_the_same(
    world: World, plan: Plan, client_for: Callable[[str], Client]
) -> None:
    priya = client_for("priya")
    url = f"/people/{world.alex_record.pk}/plan/"
    first = queries(priya, url)
    again = queries(priya, url)
    assert again < first
    # sign-in, two-factor, visibility, sharing groups, who may move the plan, the audit row: no plan content;
    # and the notes between reviews, read fresh as they move no revision (ADR-024)
    assert again <= 14
    assert "I want to walk to the shop on my own" in page(priya, world)


def test_each_viewer_gets_their_own_words_about_who_wrote_what(
    world: World, plan: Plan, client_for: Callable[[str], Client]
) -> None:
    assert "In your words" in page(client_for("alex"), world)
    priya_sees = page(client_for("priya"), world)
    assert "In your words" not in priya_sees
    assert "In Alex&#39;s words" in priya_sees


CHANGES: dict[str, tuple[Callable[[Plan, World], object], str]] = {
    "a statement": (
        lambda plan, w: services.add_statement(plan, by=w.alex, section=Section.WHAT_MATTERS, text="My allotment"),
        "My allotment",
    ),
    "an action": (
        lambda plan, w: services.add_action(
            plan.outcomes.get(), by=w.priya, what="Book the bus pass", owner_name="Priya", layer=Layer.COMMUNITY
        ),
        "Book the bus pass",
    ),
    "a progress score": (
        lambda plan, w: services.record_progress(plan.outcomes.get(), by=w.alex, score=7, on=dt.date(2026, 11, 1)),
        "7 out of 10",
    ),
    "a different view": (
        lambda plan, w: services.record_disagreement(
            plan, by=w.priya, about=f"outcome:{plan.outcomes.get().pk}", view="Walking alone needs a plan for winter"
        ),
        "Walking alone needs a plan for winter",
    ),
    "a status": (lambda plan, w: services.propose_plan(plan, by=w.alex), "Waiting for Alex to agree"),
    "the person's name": (
        lambda plan, w: people.update_person_details(w.alex_record, by=w.alex, preferred_name="Lexi"),
        "Lexi",
    ),
    "the person's information format": (
        lambda plan, w: people.set_communication_needs(
            w.alex_record, by=w.alex, information_format=InformationFormat.EASY_READ
        ),
        "Alex asked for information in easy read",
    ),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_every_kind_of_change_shows_on_the_next_read(
    world: World, plan: Plan, client_for: Callable[[str], Client], change: str
) -> None:
    make_change, now_shown = CHANGES[change]
    priya = client_for("priya")
    assert now_shown not in page(priya, world)
    make_change(plan, world)
    assert now_shown in page(priya, world)


def test_an_action_marked_done_is_shown_done_at_once(
    world: World, plan: Plan, client_for: Callable[[str], Client]
) -> None:
    action = services.add_action(
        plan.outcomes.get(), by=world.priya, what="Try the walking group", owner_name="Sam", layer=Layer.FAMILY_FRIENDS
    )
    sam = client_for("sam")
    assert "Not started" in page(sam, world)
    services.set_action_status(action, by=world.alex, status=ActionStatus.DONE)
    assert "Not started" not in page(sam, world)


def test_a_part_the_person_stops_sharing_disappears_at_once(
    world: World, plan: Plan, client_for: Callable[[str], Client]
) -> None:
    sam = client_for("sam")
    assert "I want to walk to the shop on my own" in page(sam, world)
    services.set_sharing(
        world.alex_record,
        by=world.alex,
        group=SharingGroup.OUTCOMES,
        is_shared=False,
        circle_member=world.alex_record.circle.get(user=world.sam),
    )
    assert "I want to walk to the shop on my own" not in page(sam, world)


def test_the_api_reads_the_change_at_once_too(world: World, plan: Plan, client_for: Callable[[str], Client]) -> None:
    priya = client_for("priya")
    url = f"/api/v1/people/{world.alex_record.pk}/plan"
    assert "Book the bus pass" not in priya.get(url).content.decode()
    services.add_action(
        plan.outcomes.get(), by=world.priya, what="Book the bus pass", owner_name="Priya", layer=Layer.COMMUNITY
    )
    assert "Book the bus pass" in priya.get(url).content.decode()
