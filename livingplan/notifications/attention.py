"""When a message cannot do its job, the outbox says so to the app above it (ADR-032).

Four cases: the person asked to be phoned, so a message means a call; nothing is recorded to
reach the recipient by; a message failed for good (refused, given up on, or Notify's callback
reported a failure); or it went in English to someone whose recorded language is another (our
wording is English only, ADR-038, so someone must check they understood it). This app knows no
people, coordinators or tasks (the layers put `people` above us), so `people` registers a
handler at start-up, as it does for visibility.

The handler runs inside the transaction that records the message's change: the task and the
status change are written together or not at all, so a failure is never recorded without its
task. Messages about nobody's record (`person_id` None) raise nothing.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import models

# A recipient's `preferred` channel when they asked to be phoned: `recipients.choose` finds no
# address for it, so the message still goes in writing where it can, and the handler is told.
CALL = "PHONE"


class Reason(models.TextChoices):
    CALL_ASKED_FOR = "CALL_ASKED_FOR", "The person asked to be phoned"
    NO_CONTACT = "NO_CONTACT", "Nothing recorded to reach them by"
    NOT_DELIVERED = "NOT_DELIVERED", "Not delivered"
    NOT_IN_THEIR_LANGUAGE = "NOT_IN_THEIR_LANGUAGE", "Sent in English, not their language"


@dataclass(frozen=True)
class Attention:
    """One message that needs someone to act, as the handler needs it (no personal data beyond the row's)."""

    reason: str  # a Reason
    message_id: int
    person_id: int
    recipient_user_id: int | None
    recipient_name: str
    template_key: str
    channel: str  # a Channel; NONE when nothing could be chosen
    personalisation: Mapping[str, str] = field(default_factory=dict)
    language: str = ""  # the recipient's recorded language, when it is not English


Handler = Callable[[Attention], None]
_handler: Handler | None = None


def register_handler(handler: Handler) -> None:
    """The people app tells us who acts on a message that cannot do its job (set once, at start-up)."""
    global _handler  # one handler for the process, set at start-up
    _handler = handler


def tell(attention: Attention) -> None:
    if _handler is not None:
        _handler(attention)
