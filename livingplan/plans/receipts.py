"""What became of the copy of an agreed version sent to the person: the receipt the versions page
shows, and the time from agreement to delivery (a figure governance will report; no national one
exists). Pure functions over plain values: the outbox row and its status-change rows, read elsewhere.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from livingplan.core.presenters import date_long

# The outbox's statuses (notifications.models.Status), by value: this module reads no rows.
CREATED, SENT, DELIVERED = "CREATED", "SENT", "DELIVERED"
FAILED = frozenset({"PERMANENT_FAILURE", "TECHNICAL_FAILURE", "TEMPORARY_FAILURE"})
LETTER_FORMATS = {"large-print": "a large-print letter", "easy-read": "an easy read letter", "standard": "a letter"}


def version_message_key(version_id: int) -> str:
    """The idempotency key of the message carrying a version to the person: one per version."""
    return f"plan-version-{version_id}"


@dataclass(frozen=True)
class Step:
    to_status: str
    at: dt.datetime


@dataclass(frozen=True)
class SentCopy:
    first_name: str  # "you" when the person reads about their own copy
    channel: str  # EMAIL, LETTER, SMS or NONE, as the outbox records it
    letter_format: str  # "large-print", "easy-read" or "standard" for a letter
    status: str
    steps: Sequence[Step]
    problem: str = ""  # why it failed, for staff only (the caller decides who reads it)
    superseded: bool = False  # a newer version has been agreed since


def _first(steps: Sequence[Step], status: str) -> dt.datetime | None:
    return min((s.at for s in steps if s.to_status == status), default=None)


def how(copy: SentCopy) -> str:
    if copy.channel == "LETTER":
        return "as " + LETTER_FORMATS.get(copy.letter_format, "a letter")
    return {"EMAIL": "by email", "SMS": "by text message"}.get(copy.channel, "")


def receipt(copy: SentCopy) -> str:
    """'Sent to Alex as a large-print letter on 7 December 2026. Posted on 8 December 2026.'"""
    if copy.channel == "NONE":
        them = "you" if copy.first_name == "you" else "them"
        return f"Not sent to {copy.first_name}: nothing is recorded to reach {them} by."
    if copy.status in FAILED and copy.superseded:
        # Posting a plan already replaced would only confuse: the newer version went instead.
        return f"Not sent to {copy.first_name}: a newer version was agreed before it went."
    if copy.status in FAILED:
        why = f" {copy.problem.rstrip('.')}." if copy.problem else ""
        return f"Could not be sent to {copy.first_name} {how(copy)}.{why}"
    sent = _first(copy.steps, SENT)
    if sent is None:
        return f"Waiting to be sent to {copy.first_name} {how(copy)}."
    words = f"Sent to {copy.first_name} {how(copy)} on {date_long(sent)}."
    delivered = _first(copy.steps, DELIVERED)
    if delivered is not None:
        # Royal Mail tells nobody when a letter lands: for a letter, Notify's last word is "posted".
        words += f" {'Posted' if copy.channel == 'LETTER' else 'Delivered'} on {date_long(delivered)}."
    return words


def time_to_delivery(agreed_at: dt.datetime, steps: Sequence[Step]) -> dt.timedelta | None:
    """From the version's agreement to the first time its copy was delivered (posted, for a letter);
    None while it has not been. A message sent before it was agreed is impossible, never negative."""
    delivered = _first(steps, DELIVERED)
    if delivered is None:
        return None
    return max(delivered - agreed_at, dt.timedelta(0))
