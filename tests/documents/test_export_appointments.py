"""appointments.json is read in a fixed number of queries, however many appointments the person has."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livingplan.documents.presenters import appointments_json
from tests.appointments.conftest import book_conversation
from tests.personas import World


def _queries(world: World) -> int:
    with CaptureQueriesContext(connection) as captured:
        appointments_json(world.alex_record, viewer=world.alex)
    return len(captured.captured_queries)


def test_more_appointments_take_no_more_queries(world: World) -> None:
    day = timezone.localdate() + dt.timedelta(days=60)
    book_conversation(world, day=day, hour=10)
    one = _queries(world)
    book_conversation(world, day=day + dt.timedelta(days=1), hour=10)
    book_conversation(world, day=day + dt.timedelta(days=2), hour=10)
    assert _queries(world) == one
    assert len(appointments_json(world.alex_record, viewer=world.alex)) == 3
