"""The journey (below this app in the layers) learns from it when the planning conversation is
booked: Alex's home says the day, and a cancelled one is no longer counted."""

import datetime as dt

import pytest

from livingplan.appointments import services
from livingplan.journeys import services as journeys
from livingplan.journeys.presenters.journey import journey_for
from tests.appointments.conftest import book_conversation
from tests.personas import World

pytestmark = pytest.mark.usefixtures("september")


def test_alex_sees_the_day_his_conversation_is_booked_for(world: World) -> None:
    journeys.start_planning(world.alex_record, by=world.priya, conversation_by=dt.date(2026, 11, 30))
    book_conversation(world, day=dt.date(2026, 11, 10))

    journey = journey_for(world.alex, world.alex_record)

    assert journey is not None
    assert journey.current.title == "Talking it through"
    assert journey.current.when == "Booked for 10 November 2026"


def test_a_cancelled_conversation_is_not_counted_as_booked(world: World) -> None:
    journeys.start_planning(world.alex_record, by=world.priya, conversation_by=dt.date(2026, 11, 30))
    appointment = book_conversation(world, day=dt.date(2026, 11, 10))
    services.cancel_appointment(appointment, by=world.priya, reason="Alex is unwell")

    journey = journey_for(world.alex, world.alex_record)

    assert journey is not None
    assert "10 November" not in journey.current.when
