"""What makes a time or a place impossible, in NHS-style sentences for the form: checked inside the
booking's transaction, after the rows that could clash are locked, so two bookings cannot both pass."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.appointments import when
from livingplan.appointments.models import (
    AccessNeed,
    Appointment,
    AppointmentKind,
    AppointmentParticipant,
    AppointmentStatus,
    Place,
)
from livingplan.people.models import Person

# Places that need words to get there: an address, a room, a number to ring or a link to join.
NEEDS_DETAILS = {
    Place.CLINIC: "Enter the address of the clinic or office",
    Place.PHONE: "Enter the phone number to call, and who calls whom",
    Place.VIDEO: "Enter how to join the video call, such as the link",
    Place.CHOSEN: "Enter the address of the place the person has chosen",
}
LONGEST = dt.timedelta(hours=8)


def check_details(*, kind: str, place: str, where_details: str, access_needs: Iterable[str]) -> None:
    errors: dict[str, str] = {}
    if kind not in AppointmentKind.values:
        errors["kind"] = "Select what the appointment is for"
    if place not in Place.values:
        errors["place"] = "Select where the appointment is"
    elif place in NEEDS_DETAILS and not where_details.strip():
        errors["where_details"] = NEEDS_DETAILS[Place(place)]
    if set(access_needs) - set(AccessNeed.values):
        errors["access_needs"] = "Select access needs from the list, or describe others in your own words"
    if errors:
        raise ValidationError(errors)


def check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if starts_at <= timezone.now():
        raise ValidationError({"start_time": "The appointment must start in the future"})
    if ends_at <= starts_at:
        raise ValidationError({"end_time": "End time must be after the start time"})
    if ends_at - starts_at > LONGEST:
        raise ValidationError({"end_time": "An appointment must be 8 hours long or shorter"})


def check_no_clash(
    *,
    person: Person,
    users: Iterable[int],
    circle_member_ids: Iterable[int],
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    names: dict[int | str, str],
    excluding: Appointment | None = None,
) -> None:
    """Refuse a time when any participant already has an appointment then (cancelled ones aside).

    The message names the participant and the time of their other appointment, never whose it is.
    """
    others = Appointment.objects.exclude(status=AppointmentStatus.CANCELLED).overlapping(starts_at, ends_at)
    if excluding is not None:
        others = others.exclude(pk=excluding.pk)
    user_ids, member_ids = list(users), list(circle_member_ids)
    clash = others.filter(person=person).first()
    who = names.get("person", person.full_name)
    if clash is None:
        taken = (
            AppointmentParticipant.objects.filter(appointment__in=others)
            .filter(Q(user_id__in=user_ids) | Q(circle_member_id__in=member_ids))
            .select_related("appointment")
            .first()
        )
        if taken is not None:
            clash = taken.appointment
            who = names.get(taken.user_id or -1) or names.get(taken.circle_member_id or -1) or taken.name
    if clash is not None:
        start = when.in_london(clash.starts_at)
        raise ValidationError(
            {
                "start_time": (
                    f"{who} already has an appointment from {when.clock(clash.starts_at)} to "
                    f"{when.clock(clash.ends_at)} on {start:%A} {start.day} {start:%B %Y}. Choose a different time"
                )
            }
        )


def lock(person: Person, user_ids: Iterable[int]) -> None:
    """Hold the person's and participants' rows until this booking commits: a second booking for any
    of them waits, then sees this one (PostgreSQL; SQLite has one writer at a time anyway)."""
    list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
    list(User.objects.select_for_update().filter(pk__in=list(user_ids)).order_by("pk").values_list("pk", flat=True))
