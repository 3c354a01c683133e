"""What this app tells the planning journey (`journeys.facts`, below us in the layers): the day the
planning conversation is booked for, and who booked it. Registered at start-up."""

from collections.abc import Iterable

from django.utils import timezone

from livingplan.appointments.models import Appointment, AppointmentKind
from livingplan.core.viewer import Viewer
from livingplan.journeys.facts import Fact, FactKind
from livingplan.people.models import Person


def conversation_booked(viewer: Viewer, person: Person) -> Iterable[Fact]:
    """Each planning conversation going ahead (not cancelled), on its day in UK time."""
    booked = (
        Appointment.objects.visible_to(viewer)
        .active()
        .filter(person=person, kind=AppointmentKind.CONVERSATION)
        .select_related("booked_by")
    )
    return [
        Fact(FactKind.CONVERSATION_BOOKED, on=timezone.localdate(a.starts_at), who=a.booked_by.display_name)
        for a in booked
    ]
