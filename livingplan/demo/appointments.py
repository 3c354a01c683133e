"""Alex's next review in the demo (issue 12): booked by Priya through the service verb, so every
participant's invitation is a queued message with its .ics; Alex has asked for a change, waiting
for Priya's answer. Dates are relative to the day the demo is seeded, so it always looks current."""

import datetime as dt

from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.appointments import services
from livingplan.appointments.models import AccessNeed, AppointmentKind, Place
from livingplan.appointments.when import local_datetime
from livingplan.demo.audit import seeding
from livingplan.people.models import CareTeamMember, CircleMember, Person


def seed_appointments(alex: Person, *, alex_user: User, priya: User) -> None:
    # A Tuesday three to four weeks ahead, at 10:30am UK time, whatever the clocks are doing.
    day = timezone.localdate() + dt.timedelta(days=21)
    day += dt.timedelta(days=(1 - day.weekday()) % 7)
    review = services.book_appointment(
        alex,
        by=priya,
        audit=seeding(priya),
        details=services.Details(
            kind=AppointmentKind.REVIEW,
            place=Place.HOME,
            where_details="14 Mill Lane, Northbridge NB1 4QT",
            access_needs=(AccessNeed.STEP_FREE,),
            access_other="Alex hears better with the television off.",
        ),
        starts_at=local_datetime(day, dt.time(10, 30)),
        ends_at=local_datetime(day, dt.time(12, 0)),
        circle=list(CircleMember.objects.filter(person=alex, name="Sam Carter")),
        care_team=list(CareTeamMember.objects.filter(person=alex, ended_on__isnull=True)),
    )
    services.ask_to_change(
        review,
        by=alex_user,
        audit=seeding(alex_user),
        reason="Could Bev from next door come too? She helps me with the shopping.",
    )
