"""The one small interface every channel offers: `send(message) -> Receipt`, or raise a failure."""

from dataclasses import dataclass
from typing import Protocol

from livingplan.notifications.models import Provider


@dataclass(frozen=True)
class OutgoingMessage:
    """What a channel needs, already in words: it never reads the outbox itself."""

    message_id: int
    reference: str  # the idempotency key: Notify's `reference`
    channel: str
    to: str
    subject: str
    body: str
    attempt: int  # 1 for the first try; later tries first ask the provider whether it already has it
    # A letter that is a PDF (made at send time, `letters.py`): Notify's precompiled-letter route.
    pdf: bytes | None = None
    pdf_note: str = ""  # "large print, 4 pages": what the receipt says was posted
    # A file for an email channel that can attach one (`texts.base.Attachment`): a calendar invitation.
    attachment: "FileToAttach | None" = None


@dataclass(frozen=True)
class FileToAttach:
    filename: str
    content: bytes
    mime_type: str


@dataclass(frozen=True)
class Receipt:
    provider: Provider
    provider_id: str
    status: str = "sent"
    note: str = ""


class TransientFailure(Exception):
    """Worth trying again later: rate limited (429), the provider's fault (5xx), a timeout."""


class PermanentFailure(Exception):
    """Trying again will not help (400 bad number, 403 bad key): the reason is shown to staff.

    `needs_attention` is False when nobody needs to act: a letter overtaken by a newer version."""

    def __init__(self, reason: str, *, needs_attention: bool = True) -> None:
        super().__init__(reason)
        self.needs_attention = needs_attention


class Channel(Protocol):
    def send(self, message: OutgoingMessage) -> Receipt: ...
