import datetime as dt

import pytest
import time_machine

from livingplan.appointments import services
from livingplan.appointments.models import Appointment, AppointmentKind, Place
from livingplan.appointments.when import local_datetime
from livingplan.people.models import CareTeamMember, CircleMember
from tests.personas import World

# Tuesday 22 September 2026, 9am in London (British Summer Time): Priya books from here.
BOOKING_DAY = dt.datetime(2026, 9, 22, 8, 0, tzinfo=dt.UTC)
CONVERSATION = services.Details(
    kind=AppointmentKind.CONVERSATION,
    place=Place.HOME,
    where_details="14 Mill Lane, Northbridge NB1 4QT",
    access_needs=("STEP_FREE",),
)


@pytest.fixture
def september() -> object:
    with time_machine.travel(BOOKING_DAY, tick=True) as traveller:
        yield traveller


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return local_datetime(day, dt.time(hour, minute))


def book_conversation(
    world: World, day: dt.date = dt.date(2026, 11, 10), hour: int = 10, *, hours: int = 1, everyone: bool = True
) -> Appointment:
    """Priya books Alex's planning conversation with Sam and Dr Jones (and herself)."""
    record = world.alex_record
    return services.book_appointment(
        record,
        by=world.priya,
        details=CONVERSATION,
        starts_at=at(day, hour),
        ends_at=at(day, hour + hours),
        circle=list(CircleMember.objects.filter(person=record)) if everyone else [],
        care_team=list(CareTeamMember.objects.filter(person=record)) if everyone else [],
    )


from tests.notifications.conftest import notify_stub  # noqa: E402, F401 - GOV.UK Notify's loopback stand-in
