"""Domain verbs for appointments: the one write path (ADR-026). The demo and tests use these too."""

from livingplan.appointments.services.booking import (
    Details,
    book_appointment,
    cancel_appointment,
    change_appointment,
)

__all__ = ["Details", "book_appointment", "cancel_appointment", "change_appointment"]
