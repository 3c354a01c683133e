"""The journey (below this app in the layers) learns from it: part 2 of the preparation is the
person's own, with its status, and a conversation held moves the person on to writing the plan."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.utils import timezone

from livingplan.conversations import services as conversations
from livingplan.journeys import services as journeys
from livingplan.journeys.presenters.journey import journey_for
from livingplan.plans import services as plans
from tests.personas import World

ClientFor = Callable[[str], Client]


def _planning_page(client: Client, world: World) -> str:
    return client.get(f"/people/{world.alex_record.pk}/planning/").content.decode()


def test_the_planning_page_shows_alexs_own_preparation_as_part_2(world: World, client_for: ClientFor) -> None:
    today = timezone.localdate()
    journeys.start_planning(world.alex_record, by=world.priya, conversation_by=today + dt.timedelta(days=28))
    assert "Nothing written yet." in _planning_page(client_for("priya"), world)

    conversations.save_answers(world.alex_record, by=world.alex, answers={"HOPES": "To see the sea again"})

    alex_sees = _planning_page(client_for("alex"), world)
    assert "Part 2: Your own preparation" in alex_sees
    assert "Some answers saved, not finished yet." in alex_sees
    assert f'href="/people/{world.alex_record.pk}/preparation/"' in alex_sees
    priya_sees = _planning_page(client_for("priya"), world)
    assert "Part 2: The person&#39;s own preparation" in priya_sees
    assert "Some answers saved, not finished yet." in priya_sees
    assert f'href="/people/{world.alex_record.pk}/preparation/"' not in priya_sees, "his until he has finished"


def test_a_conversation_held_moves_alex_on_to_writing_the_plan(world: World) -> None:
    today = timezone.localdate()
    journeys.start_planning(world.alex_record, by=world.priya, conversation_by=today + dt.timedelta(days=28))
    plan = plans.start_plan(world.alex_record, by=world.alex)

    conversations.start_conversation(world.alex_record, by=world.priya, plan=plan, held_on=today, where="At home")

    journey = journey_for(world.alex, world.alex_record)
    assert journey is not None
    assert journey.current.title == "Writing the plan"
