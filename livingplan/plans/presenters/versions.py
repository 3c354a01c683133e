"""The versions page: each agreed version, and what was sent to the person about it (the receipt).

The receipt comes from the outbox row that carried the version and its status-change rows, read
through `OutboxMessage.objects.visible_to(viewer)`: the person sees their own; staff see those about
the people they may see; anyone else sees no receipt.
"""

from dataclasses import dataclass

from livingplan.accounts.models import User
from livingplan.notifications.models import OutboxMessage
from livingplan.people.rules import is_the_person
from livingplan.plans import receipts
from livingplan.plans.models import Plan, PlanVersion


@dataclass(frozen=True)
class VersionRow:
    version: PlanVersion
    receipt: str


def _copy(message: OutboxMessage, first_name: str, *, for_staff: bool, superseded: bool) -> receipts.SentCopy:
    return receipts.SentCopy(
        first_name=first_name,
        superseded=superseded,
        channel=message.channel,
        letter_format=str(message.personalisation.get("letter_format", "standard")),
        status=message.status,
        steps=[receipts.Step(to_status=c.to_status, at=c.changed_at) for c in message.status_changes.all()],
        # As on "Messages sent": why a message failed is for staff, who can act on it.
        problem=message.last_error if for_staff else "",
    )


def version_rows(plan: Plan, versions: list[PlanVersion], *, viewer: User) -> list[VersionRow]:
    """Versions newest first, each with its receipt; two queries for the receipts whatever the count."""
    keys = {receipts.version_message_key(v.pk): v.pk for v in versions}
    messages = (
        OutboxMessage.objects.visible_to(viewer)
        .filter(idempotency_key__in=list(keys), person_id=plan.person_id)
        .prefetch_related("status_changes")
    )
    by_version = {keys[m.idempotency_key]: m for m in messages}
    # The person reads about their own copies in the second person, as everywhere on their pages.
    first_name = "you" if is_the_person(viewer, plan.person) else plan.person.name_to_use
    for_staff = viewer.is_staff_member
    newest = max((v.number for v in versions), default=None)
    return [
        VersionRow(
            version=v,
            receipt=receipts.receipt(
                _copy(by_version[v.pk], first_name, for_staff=for_staff, superseded=v.number != newest)
            )
            if v.pk in by_version
            else "",
        )
        for v in versions
    ]
