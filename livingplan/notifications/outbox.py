"""Queue, claim, send, record: the outbox's one write path (ADR-030, architecture "known pitfalls").

- `queue` writes the row in the caller's transaction and asks for the task only once it commits.
- `send_message` (the task's body) claims the row with a guarded UPDATE (CREATED -> SENDING): a
  row is sent by whoever wins that update, once, however many tasks or workers ask.
- Outcomes are recorded only by the holder of the claim (`claim_token`): a worker whose claim was
  swept away cannot overwrite the row later.
- `sweep` frees rows left SENDING by a worker that died; the next try asks the provider for the
  idempotency key before sending again.
"""

import datetime as dt
import logging
import random
import secrets
from collections.abc import Mapping
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from livingplan.notifications import attention, channels, letters, preferences, quiet_hours, recipients, texts
from livingplan.notifications.channels import OutgoingMessage, PermanentFailure, Receipt, TransientFailure
from livingplan.notifications.channels.base import FileToAttach
from livingplan.notifications.models import TRANSITIONS, Channel, OutboxMessage, OutboxStatusChange, Status
from livingplan.notifications.recipients import Recipient

log = logging.getLogger("livingplan.notifications")


def queue(
    *,
    template: str,
    to: Recipient,
    personalisation: Mapping[str, str],
    key: str,
    person_id: int | None = None,
) -> OutboxMessage | None:
    """An outbox row for one message, in the caller's transaction; the same `key` never makes two.

    None, and no row, when the recipient has turned this kind of message off (`preferences`).
    """
    if preferences.is_turned_off(to.user_id, template):
        return None
    existing = OutboxMessage.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: a lost race for the key leaves the caller's transaction usable
            return _create(template=template, to=to, personalisation=personalisation, key=key, person_id=person_id)
    except IntegrityError:  # the same key queued at the same moment elsewhere: theirs is the one row
        return OutboxMessage.objects.get(idempotency_key=key)


def _create(
    *, template: str, to: Recipient, personalisation: Mapping[str, str], key: str, person_id: int | None
) -> OutboxMessage:
    chosen = texts.TEMPLATES[template]
    now = timezone.now()
    choice = recipients.choose(to, chosen.channels)
    if choice is None:
        # Never silently skipped: staff see it on "Messages sent" with what is missing.
        message = OutboxMessage.objects.create(
            person_id=person_id,
            recipient_user_id=to.user_id,
            recipient_name=to.name or to.first_name,
            channel=Channel.NONE,
            template_key=template,
            idempotency_key=key,
            status=Status.PERMANENT_FAILURE,
            next_attempt_at=now,
            last_error=f"Nothing is recorded to reach {to.first_name} by: tell them another way.",
        )
        _record_change(message.pk, "", Status.PERMANENT_FAILURE, now, "No usable contact details")
        _tell(
            message, attention.Reason.CALL_ASKED_FOR if to.preferred == attention.CALL else attention.Reason.NO_CONTACT
        )
        return message
    channel, address = choice
    fields = chosen.fields(channel)
    missing = fields - set(personalisation)
    if missing:
        raise ValueError(f"{template} needs {', '.join(sorted(missing))}")
    held = quiet_hours.held_until(now, to.times_to_avoid) if channel == Channel.SMS else None
    message = OutboxMessage.objects.create(
        person_id=person_id,
        recipient_user_id=to.user_id,
        recipient_name=to.name or to.first_name,
        channel=channel,
        to_address=address,
        template_key=template,
        personalisation={name: str(personalisation[name]) for name in sorted(fields)},
        idempotency_key=key,
        next_attempt_at=held or now,
        held_because=f"Times to avoid: {to.times_to_avoid}"[:200] if held else "",
    )
    _record_change(message.pk, "", Status.CREATED, now, _created_note(to, held))
    if to.preferred == attention.CALL:  # in writing as well, where we can: the call may not reach them
        _tell(message, attention.Reason.CALL_ASKED_FOR)
    if not recipients.in_english(to):  # it still goes: late help is better than no message at all
        _tell(message, attention.Reason.NOT_IN_THEIR_LANGUAGE, language=to.language.strip())
    transaction.on_commit(partial(enqueue, message.pk, message.next_attempt_at))
    return message


def _created_note(to: Recipient, held: dt.datetime | None) -> str:
    notes = [f"Held until {held:%H:%M}"] if held else []
    if not recipients.in_english(to):
        notes.append(f"Written in English; their recorded language is {to.language.strip()}")
    return "; ".join(notes)


def _tell(message: OutboxMessage, reason: str, *, language: str = "") -> None:
    """Ask the app above us (people) to act on a message that cannot do its job, in this transaction."""
    if message.person_id is None:
        return
    attention.tell(
        attention.Attention(
            reason=reason,
            message_id=message.pk,
            person_id=message.person_id,
            recipient_user_id=message.recipient_user_id,
            recipient_name=message.recipient_name,
            template_key=message.template_key,
            channel=message.channel,
            personalisation=dict(message.personalisation),
            language=language,
        )
    )


def _fail(message: OutboxMessage, to_status: str, *, note: str, tell: bool = True, **fields: Any) -> bool:
    """A message failed for good: its status and the task it raises are written together, or neither."""
    with transaction.atomic():
        moved = move(message, to_status, note=note, **fields)
        if moved and tell:
            _tell(message, attention.Reason.NOT_DELIVERED)
    return moved


def enqueue(message_id: int, when: dt.datetime | None = None) -> None:
    """Ask a worker to send it (at `when`, if the task backend can wait; else the worker's pass will)."""
    from livingplan.notifications.tasks import send_message  # the task module imports this one

    task = send_message
    if when is not None and when > timezone.now():
        if not task.get_backend().supports_defer:
            return  # picked up by `deliver_due` when the time comes
        task = task.using(run_after=when)
    task.enqueue(message_id)


def _record_change(message_id: int, from_status: str, to_status: str, at: dt.datetime, note: str = "") -> None:
    OutboxStatusChange.objects.create(
        message_id=message_id, from_status=from_status, to_status=to_status, changed_at=at, note=note[:500]
    )


def move(message: OutboxMessage, to_status: str, *, note: str = "", **fields: Any) -> bool:
    """Change the status only if the row is still as this worker claimed it; append the history row."""
    if to_status not in TRANSITIONS[message.status]:
        raise ValueError(f"A message cannot go from {message.status} to {to_status}")
    now = timezone.now()
    with transaction.atomic():
        changed = OutboxMessage.objects.filter(
            pk=message.pk, status=message.status, claim_token=message.claim_token
        ).update(status=to_status, updated_at=now, **fields)
        if changed:
            _record_change(message.pk, message.status, to_status, now, note)
    return bool(changed)


def claim(message_id: int) -> OutboxMessage | None:
    """CREATED -> SENDING for this worker alone, if the row is due; None if anyone else got there first."""
    now = timezone.now()
    token = secrets.token_hex(16)
    with transaction.atomic():
        won = OutboxMessage.objects.filter(pk=message_id, status=Status.CREATED, next_attempt_at__lte=now).update(
            status=Status.SENDING, claim_token=token, claimed_at=now, attempts=F("attempts") + 1, updated_at=now
        )
        if not won:
            return None
        message = OutboxMessage.objects.get(pk=message_id)
        _record_change(message_id, Status.CREATED, Status.SENDING, now, f"Try {message.attempts}")
    return message


def outgoing(message: OutboxMessage) -> OutgoingMessage:
    words = texts.render(message.template_key, message.channel, message.personalisation)
    pdf, pdf_note = None, ""
    if message.channel == Channel.LETTER and texts.TEMPLATES[message.template_key].letter_pdf:
        request = letters.LetterRequest(
            template_key=message.template_key,
            person_id=message.person_id,
            address_lines=tuple(message.to_address.splitlines()),
            personalisation=dict(message.personalisation),
        )
        try:
            letter = letters.make_letter(request)
        except letters.LetterNotMade as error:
            raise PermanentFailure(str(error)[:500], needs_attention=not error.overtaken) from error
        pdf, pdf_note = letter.content, f"{letter.format_label}, {letter.pages} page{'s' if letter.pages != 1 else ''}"
    return OutgoingMessage(
        message_id=message.pk,
        reference=message.idempotency_key,
        channel=message.channel,
        to=message.to_address,
        subject=words.subject,
        body=words.body,
        attempt=message.attempts,
        pdf=pdf,
        pdf_note=pdf_note,
        attachment=_attachment(message),
    )


def _attachment(message: OutboxMessage) -> FileToAttach | None:
    """The file an email carries (a calendar invitation), kept in the row when it was queued."""
    wanted = texts.TEMPLATES[message.template_key].attachment
    if message.channel != Channel.EMAIL or wanted is None or not message.personalisation.get(wanted.field):
        return None
    content = str(message.personalisation[wanted.field]).encode()
    return FileToAttach(filename=wanted.filename, content=content, mime_type=wanted.mime_type)


def _without_secrets(message: OutboxMessage) -> dict[str, str]:
    secret = texts.TEMPLATES[message.template_key].secret_fields
    return {name: (texts.REMOVED if name in secret else value) for name, value in message.personalisation.items()}


def send_message(message_id: int) -> str:
    """Send one row if it is still waiting. Returns what happened, for the task's result."""
    message = claim(message_id)
    if message is None:
        return "not waiting"
    try:
        receipt = channels.channel_for(message.channel).send(outgoing(message))
    except PermanentFailure as error:
        _fail(message, Status.PERMANENT_FAILURE, note=str(error), last_error=str(error)[:500],
              personalisation=_without_secrets(message), claim_token="",
              tell=error.needs_attention)  # fmt: skip
        return "failed"
    except TransientFailure as error:
        return _try_again_later(message, str(error))
    except Exception as error:  # our own fault or the client's: retried, and logged for us
        log.exception("Sending message %s failed", message_id)
        return _try_again_later(message, f"Unexpected error ({type(error).__name__})")
    _record_sent(message, receipt)
    return "sent"


def _record_sent(message: OutboxMessage, receipt: Receipt) -> None:
    move(
        message,
        Status.SENT,
        note=receipt.note or f"{receipt.provider.label} took it",
        provider=receipt.provider,
        provider_id=receipt.provider_id,
        sent_at=timezone.now(),
        last_error="",
        personalisation=_without_secrets(message),
        claim_token="",
    )


def backoff(attempts: int) -> dt.timedelta:
    """Exponential, capped, with jitter so that a burst of failures does not come back as one burst."""
    delay = min(
        settings.NOTIFICATIONS_RETRY_CAP_SECONDS, settings.NOTIFICATIONS_RETRY_BASE_SECONDS * 2 ** (attempts - 1)
    )
    return dt.timedelta(seconds=delay * (0.5 + random.random() / 2))  # noqa: S311 - jitter, not secrecy


def _try_again_later(message: OutboxMessage, reason: str) -> str:
    if message.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        _fail(message, Status.TECHNICAL_FAILURE, note=f"Gave up after {message.attempts} tries: {reason}",
              last_error=reason[:500], personalisation=_without_secrets(message), claim_token="")  # fmt: skip
        return "gave up"
    when = timezone.now() + backoff(message.attempts)
    if move(message, Status.CREATED, note=f"{reason}; next try at {when:%H:%M:%S}", last_error=reason[:500],
            next_attempt_at=when, claim_token=""):  # fmt: skip
        transaction.on_commit(partial(enqueue, message.pk, when))
    return "will retry"


def sweep() -> int:
    """Free rows left SENDING longer than NOTIFICATIONS_SENDING_TIMEOUT (their worker died)."""
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.NOTIFICATIONS_SENDING_TIMEOUT)
    stuck = list(
        OutboxMessage.objects.filter(status=Status.SENDING, claimed_at__lt=cutoff).values_list("pk", flat=True)[:1000]
    )
    freed = 0
    for message_id in stuck:
        with transaction.atomic():
            if OutboxMessage.objects.filter(pk=message_id, status=Status.SENDING, claimed_at__lt=cutoff).update(
                status=Status.CREATED, claim_token="", next_attempt_at=now, updated_at=now
            ):
                note = "Left sending by a stopped worker: the provider is asked before it is sent again"
                _record_change(message_id, Status.SENDING, Status.CREATED, now, note)
                freed += 1
    return freed


def deliver_due(*, overdue_by: dt.timedelta = dt.timedelta(0), limit: int = 500) -> int:
    """Send rows that are due (by `overdue_by` or more: rows whose task was lost). Returns how many tried."""
    cutoff = timezone.now() - overdue_by
    due = list(
        OutboxMessage.objects.filter(status=Status.CREATED, next_attempt_at__lte=cutoff)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for message_id in due:
        send_message(message_id)
    return len(due)


def next_due() -> dt.datetime | None:
    """The earliest moment a waiting or stuck row becomes sendable."""
    waiting = (
        OutboxMessage.objects.filter(status=Status.CREATED)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    stuck = (
        OutboxMessage.objects.filter(status=Status.SENDING)
        .order_by("claimed_at")
        .values_list("claimed_at", flat=True)
        .first()
    )
    if stuck is not None:
        stuck += dt.timedelta(seconds=settings.NOTIFICATIONS_SENDING_TIMEOUT)
    found = [when for when in (waiting, stuck) if when is not None]
    return min(found) if found else None


# Notify's delivery statuses, as its callbacks send them, and what each means for staff.
DELIVERY = {
    "delivered": (Status.DELIVERED, ""),
    # A letter's last status: the printer has printed and posted it (Notify says "received"). Royal
    # Mail tells nobody when it lands, so for a letter "delivered" here means posted.
    "received": (Status.DELIVERED, ""),
    "permanent-failure": (
        Status.PERMANENT_FAILURE,
        "GOV.UK Notify could not deliver it: the address or number is wrong",
    ),
    "temporary-failure": (
        Status.TEMPORARY_FAILURE,
        "GOV.UK Notify could not deliver it yet: their inbox or phone was not taking messages",
    ),
    "technical-failure": (Status.TECHNICAL_FAILURE, "GOV.UK Notify had a technical problem delivering it"),
}


class UnknownMessage(Exception):
    """A callback about a reference we never sent."""


def record_delivery(*, reference: str, provider_id: str, status: str) -> bool:
    """Notify says what became of a message. Repeated or out-of-order callbacks change nothing."""
    if status not in DELIVERY:
        return False
    message = OutboxMessage.objects.filter(idempotency_key=reference, provider_id=provider_id).first()
    if message is None:
        raise UnknownMessage(reference)
    to_status, problem = DELIVERY[status]
    if to_status not in TRANSITIONS[message.status]:
        return False
    note = f"GOV.UK Notify: {status}"
    if problem:  # a failure Notify reports after its own retries: the coordinator is asked to act
        return _fail(message, to_status, note=note, last_error=problem)
    return move(message, to_status, note=note)
