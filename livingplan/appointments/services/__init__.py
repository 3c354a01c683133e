"""Domain verbs for appointments: the one write path (ADR-026). The demo and tests use these too."""

from livingplan.appointments.services.booking import (
    Details,
    book_appointment,
    cancel_appointment,
    change_appointment,
)
from livingplan.appointments.services.requests import answer_request, ask_to_change

__all__ = [
    "Details",
    "answer_request",
    "ask_to_change",
    "book_appointment",
    "cancel_appointment",
    "change_appointment",
]
