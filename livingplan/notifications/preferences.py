"""Which messages each person has asked us not to send: the everyday ones can be turned off; those
the law or someone's safety needs cannot (invitations, password resets, plans ready for agreement
and agreed plans), so they are not offered.

`outbox.queue` asks `is_turned_off` for every message, so no caller can forget; a message turned
off is not queued at all, and nothing is recorded as sent.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.notifications.models import TurnedOffMessage


@dataclass(frozen=True)
class Kind:
    template_key: str
    label: str  # the checkbox: what the message tells you
    for_staff: bool  # offered to staff, or to people and their circles
    for_others: bool


# In the order the page lists them. Anything not here cannot be turned off.
OPTIONAL: tuple[Kind, ...] = (
    Kind("care_team_added", "When someone adds you to a person's care team", for_staff=True, for_others=False),
    Kind("note_added", "When someone adds a note to the plan of a person you coordinate", True, False),
    Kind("review_requested", "When a note asks for the plan of a person you coordinate to be reviewed", True, False),
    Kind("suggestion_waiting", "When someone suggests words for your plan", for_staff=False, for_others=True),
    Kind("action_due", "The day before something you agreed to do is due", for_staff=True, for_others=True),
    Kind("action_overdue", "When something you agreed to do is overdue", for_staff=True, for_others=True),
    Kind("appointment_reminder", "The day before an appointment you are invited to", for_staff=True, for_others=True),
)
OPTIONAL_KEYS = frozenset(kind.template_key for kind in OPTIONAL)
# Other wordings of the same kind of message, turned off with it.
SAME_KIND = {
    "care_team_added_awaiting_consent": "care_team_added",
    "suggestion_waiting_on_behalf": "suggestion_waiting",
}


def kinds_for(user: User) -> list[Kind]:
    """The messages this user could get and may turn off."""
    staff = user.is_staff_member
    return [kind for kind in OPTIONAL if (kind.for_staff if staff else kind.for_others)]


def is_turned_off(user_id: int | None, template_key: str) -> bool:
    template_key = SAME_KIND.get(template_key, template_key)
    if user_id is None or template_key not in OPTIONAL_KEYS:
        return False
    return TurnedOffMessage.objects.filter(user_id=user_id, template_key=template_key).exists()


def turned_off(user: User) -> set[str]:
    return set(TurnedOffMessage.objects.filter(user=user).values_list("template_key", flat=True))


@transaction.atomic
def choose_messages(user: User, *, by: User, wanted: Iterable[str], audit: AuditContext | None = None) -> set[str]:
    """Save which of the messages offered to `user` they want; returns those now turned off.

    Only the user chooses for themselves: nobody else may stop someone hearing about their own plan.
    """
    if by.pk != user.pk:
        raise PermissionDenied("Only you can choose which messages we send you.")
    offered = {kind.template_key for kind in kinds_for(user)}
    wanted = set(wanted)
    if wanted - offered:
        raise ValidationError({"wanted": "Select messages from the list"})
    before = turned_off(user)
    now_off = (before - offered) | (offered - wanted)
    newly_off, back_on = sorted(now_off - before), sorted(before - now_off)
    if not newly_off and not back_on:
        return before
    TurnedOffMessage.objects.filter(user=user, template_key__in=back_on).delete()
    now = timezone.now()
    TurnedOffMessage.objects.bulk_create(
        [TurnedOffMessage(user=user, template_key=key, turned_off_at=now) for key in newly_off]
    )
    auditor.record(
        "notifications.preferences.changed",
        audit=context_for(by, audit),
        detail={"turned_off": newly_off, "turned_on": back_on},
    )
    return now_off
