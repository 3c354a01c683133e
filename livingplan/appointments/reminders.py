"""The day before an appointment, everyone invited is reminded by email or text.

Run by `livingplan db_worker` every quarter of an hour (`notifications.periodic`, registered in
`apps.py`). From 9am London time only, as the action reminders: nobody is texted about tomorrow at
midnight. Not by post: a letter sent the day before would arrive after the appointment, and the
invitation itself went by post; someone who chose letters (or a call) is not reminded another way (no
coordinator task: nothing failed).

The key is the appointment's UID and sequence and the participant, so running again (or in two
workers) never repeats a reminder, and a time changed after one was sent gets its own.
"""

import datetime as dt

from django.db import transaction

from livingplan.appointments.invitations import personalisation, recipient_for
from livingplan.appointments.models import Appointment, AppointmentStatus
from livingplan.core.workdays import LONDON, end_of_day
from livingplan.notifications import outbox, recipients
from livingplan.notifications.models import Channel
from livingplan.notifications.reminding import already_queued, daytime_now

EVERY_SECONDS = 15 * 60
TEMPLATE = "appointment_reminder"
BY = (Channel.EMAIL, Channel.SMS)


def _key(appointment: Appointment, participant_pk: int) -> str:
    return f"appointment-reminder-{appointment.uid}-{appointment.sequence}-{participant_pk}"


def _by_email_or_text(to: recipients.Recipient) -> bool:
    """Someone who chose letters (or a phone call) keeps to them: no reminder by another route."""
    return to.preferred in {"", *BY} and recipients.choose(to, BY) is not None


def remind_about_appointments() -> int:
    """Queue the reminders for tomorrow's appointments not yet queued. Returns how many were queued."""
    now = daytime_now()
    if now is None:
        return 0
    tomorrow = now.date() + dt.timedelta(days=1)
    appointments = (
        Appointment.objects.filter(
            starts_at__gte=dt.datetime.combine(tomorrow, dt.time(), tzinfo=LONDON), starts_at__lt=end_of_day(tomorrow)
        )
        .exclude(status=AppointmentStatus.CANCELLED)
        .select_related("person__user", "person__communication_needs")
        .order_by("starts_at", "pk")
    )
    queued = 0
    for appointment in appointments:
        participants = list(
            appointment.participants.select_related("circle_member__user", "user", "appointment__person__user")
        )
        keys = {participant.pk: _key(appointment, participant.pk) for participant in participants}
        done = already_queued(keys.values())
        with transaction.atomic():
            for participant in participants:
                to = recipient_for(participant)
                if keys[participant.pk] in done or not _by_email_or_text(to):
                    continue
                queued += (
                    outbox.queue(
                        template=TEMPLATE,
                        to=to,
                        personalisation=personalisation(appointment, participant, to, participants),
                        key=keys[participant.pk],
                        person_id=appointment.person_id,
                    )
                    is not None
                )
    return queued
