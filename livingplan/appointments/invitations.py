"""Every participant's invitation, queued in the outbox inside the change's transaction (ADR-030, ADR-036)."""

from livingplan.appointments.models import Appointment


def send(appointment: Appointment) -> None:
    """Queue the invitation, update or cancellation for each participant (built in the next slice)."""
