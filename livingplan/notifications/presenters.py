"""What the message pages show: each message in words, where it is, and for staff what went wrong.

The words are rendered again from our templates and the kept personalisation, so a secret (a
one-time link) removed after sending shows as removed. Dates the NHS.UK way.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from livingplan.accounts.models import User
from livingplan.core.presenters import datetime_short
from livingplan.notifications import texts
from livingplan.notifications.models import Channel, OutboxMessage, Provider, Status

# NHS.UK tag colours by where a message is.
_TAG = {
    Status.CREATED: "nhsuk-tag--grey",
    Status.SENDING: "nhsuk-tag--blue",
    Status.SENT: "nhsuk-tag--blue",
    Status.DELIVERED: "nhsuk-tag--green",
    Status.TEMPORARY_FAILURE: "nhsuk-tag--yellow",
    Status.PERMANENT_FAILURE: "nhsuk-tag--red",
    Status.TECHNICAL_FAILURE: "nhsuk-tag--red",
}


@dataclass(frozen=True)
class Step:
    status: str
    when: str
    note: str


@dataclass(frozen=True)
class MessageRow:
    id: int
    queued: str
    to: str
    how: str
    status: str
    tag_class: str
    heading: str
    subject: str
    paragraphs: list[str]
    problem: str
    held: str
    sent: str
    steps: list[Step]


def _how(message: OutboxMessage) -> str:
    how = Channel(message.channel).label
    if message.channel != Channel.NONE and message.to_address:
        # A letter's address: its first line (the name) is enough to say which one.
        how = f"{how} to {message.to_address.splitlines()[0]}"
    return how


def _status(message: OutboxMessage) -> tuple[str, str]:
    """The tag's words and colour. The demo's log channel sends nothing, so it never says "Sent"."""
    if message.provider == Provider.LOG and message.status in {Status.SENT, Status.DELIVERED}:
        return "Not sent: demo", "nhsuk-tag--grey"
    return Status(message.status).label, _TAG[Status(message.status)]


def row(message: OutboxMessage, *, for_staff: bool) -> MessageRow:
    if message.channel == Channel.NONE:
        subject, paragraphs = "", []
    else:
        words = texts.render(message.template_key, message.channel, message.personalisation)
        subject, paragraphs = words.subject, [p for p in words.body.split("\n\n") if p.strip()]
    status, tag_class = _status(message)
    failed = message.status in {Status.PERMANENT_FAILURE, Status.TECHNICAL_FAILURE, Status.TEMPORARY_FAILURE}
    waiting = message.status == Status.CREATED
    return MessageRow(
        id=message.pk,
        queued=datetime_short(message.created_at),
        to=message.recipient_name,
        how=_how(message),
        status=status,
        tag_class=tag_class,
        # A text has no subject: say what it is and to whom, not only the number it went to.
        heading=subject or f"{Channel(message.channel).label} to {message.recipient_name or 'someone'}",
        subject=subject,
        paragraphs=paragraphs,
        problem=message.last_error if for_staff and (failed or waiting) else "",
        held=(
            f"{message.held_because}. It will be sent at {datetime_short(message.next_attempt_at)}."
            if waiting and message.held_because
            else ""
        ),
        sent=datetime_short(message.sent_at),
        steps=[
            Step(status=Status(c.to_status).label, when=datetime_short(c.changed_at), note=c.note)
            for c in message.status_changes.all()
        ]
        if for_staff
        else [],
    )


def rows(messages: Iterable[OutboxMessage], *, for_staff: bool) -> list[MessageRow]:
    return [row(message, for_staff=for_staff) for message in messages]


@dataclass(frozen=True)
class HowToChange:
    text: str
    link: str = ""  # to the page where the user changes it themself, when there is one
    link_text: str = ""


def how_to_change_contact(user: User) -> HowToChange:
    """Where each kind of user changes how we reach them: the person on their own record; someone in
    a circle through the person, who recorded their details; staff by the address they sign in with."""
    # The person's own record, by the reverse name the people app gives it (this app cannot import people).
    record_id = getattr(getattr(user, "person_record", None), "pk", None)
    if record_id is not None:
        return HowToChange(
            text="You choose how we contact you (email, text message or letter) and any times to avoid.",
            link=reverse("people:edit-communication", args=[record_id]),
            link_text="Change how we contact you",
        )
    if user.is_staff_member:
        return HowToChange(text="We send your messages by email, to the address you sign in with.")
    return HowToChange(
        text="We send messages by email or text message, to the details the person whose circle you are in "
        "gave us. To change them, ask that person or their care coordinator."
    )
