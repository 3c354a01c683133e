"""Alex's appointment and his open request to change it, for the access matrix (tests/unit)."""

import datetime as dt

from django.utils import timezone

from livingplan.appointments import services
from livingplan.appointments.models import Appointment, ChangeRequest
from livingplan.appointments.when import local_datetime
from livingplan.people.models import CareTeamMember
from tests.appointments.conftest import CONVERSATION
from tests.personas import AlexPlan


def alexs_appointment(records: AlexPlan) -> int:
    world = records.world
    # Going ahead: a walk that sends every form (tests/unit/test_hostile_text.py) may have cancelled the last one.
    found = Appointment.objects.filter(person=world.alex_record).active().first()
    if found is None:
        day = timezone.localdate() + dt.timedelta(days=7)
        found = services.book_appointment(
            world.alex_record,
            by=world.priya,
            details=CONVERSATION,
            starts_at=local_datetime(day, dt.time(10, 0)),
            ends_at=local_datetime(day, dt.time(11, 0)),
            care_team=list(CareTeamMember.objects.filter(person=world.alex_record)),
        )
    return found.pk


def alexs_request(records: AlexPlan) -> int:
    appointment = Appointment.objects.get(pk=alexs_appointment(records))
    found = ChangeRequest.objects.filter(appointment=appointment).first()
    if found is None:
        found = services.ask_to_change(appointment, by=records.world.alex, reason="Could we meet in the afternoon?")
    return found.pk
