"""The outbox: every message is a row first, written in the transaction of the change that causes it.

A worker sends a row only while it is still CREATED (a guarded UPDATE, `outbox.claim`), so two
workers, or a task run twice, never send it twice; every status change is an append-only
`OutboxStatusChange` row, so each clock (queued to sent, sent to delivered) can be computed.
`person_id` is a plain column, as in the audit trail: this app sits below `people` in the layers
(people calls it), and the trail of messages must outlive the records it mentions.
"""

from collections.abc import Callable
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models.expressions import RawSQL

from livingplan.core.models import PersonalDataModel
from livingplan.core.viewer import Viewer, active_user


class Status(models.TextChoices):
    """Notify's own words for where a message is, plus CREATED (waiting in our outbox)."""

    CREATED = "CREATED", "Waiting to send"
    SENDING = "SENDING", "Sending"
    SENT = "SENT", "Sent"
    DELIVERED = "DELIVERED", "Delivered"
    PERMANENT_FAILURE = "PERMANENT_FAILURE", "Not delivered"
    TEMPORARY_FAILURE = "TEMPORARY_FAILURE", "Not delivered yet"
    TECHNICAL_FAILURE = "TECHNICAL_FAILURE", "Could not be sent"


# Declared transitions: anything else is refused by `outbox.move`.
# SENDING -> CREATED is a retry after a transient failure, or the sweep freeing a row whose worker died.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.CREATED: frozenset({Status.SENDING, Status.PERMANENT_FAILURE}),
    Status.SENDING: frozenset({Status.SENT, Status.CREATED, Status.PERMANENT_FAILURE, Status.TECHNICAL_FAILURE}),
    Status.SENT: frozenset(
        {Status.DELIVERED, Status.PERMANENT_FAILURE, Status.TEMPORARY_FAILURE, Status.TECHNICAL_FAILURE}
    ),
    Status.TEMPORARY_FAILURE: frozenset({Status.DELIVERED, Status.PERMANENT_FAILURE}),
    Status.DELIVERED: frozenset(),
    Status.PERMANENT_FAILURE: frozenset(),
    Status.TECHNICAL_FAILURE: frozenset(),
}
FINISHED = frozenset({Status.DELIVERED, Status.PERMANENT_FAILURE, Status.TECHNICAL_FAILURE})


class Channel(models.TextChoices):
    """How the message reaches someone. NONE: nothing recorded to reach them by (shown to staff)."""

    EMAIL = "EMAIL", "Email"
    SMS = "SMS", "Text message"
    LETTER = "LETTER", "Letter"
    NONE = "NONE", "No way to reach them"


class Provider(models.TextChoices):
    """Who carried it: GOV.UK Notify, Django's email backend, or the log (the demo: nothing leaves)."""

    NOTIFY = "NOTIFY", "GOV.UK Notify"
    EMAIL = "EMAIL", "Email server"
    LOG = "LOG", "Not sent: demo log"


PersonIdsFinder = Callable[[Any], RawSQL]
_person_ids_visible_to: PersonIdsFinder | None = None


def register_visible_person_ids(finder: PersonIdsFinder) -> None:
    """The people app tells us who may see which person (it sits above us, as for the auditor)."""
    global _person_ids_visible_to  # one rule for the process, set at start-up
    _person_ids_visible_to = finder


class OutboxMessageQuerySet(models.QuerySet["OutboxMessage"]):
    def visible_to(self, viewer: Viewer) -> Self:
        """Messages to the user, and, for staff, messages about the people they may see."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        mine = models.Q(recipient_user=user)
        if _person_ids_visible_to is None or not user.memberships.exists():
            return self.filter(mine)
        return self.filter(mine | models.Q(person_id__in=_person_ids_visible_to(user)))

    def to_user(self, user: Any) -> Self:
        return self.filter(recipient_user=user)


class OutboxMessage(PersonalDataModel):
    """One message to one recipient, from queued to delivered (or not)."""

    # The person the message is about (their plan, their circle); null for messages about nobody's record.
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_name = models.CharField(max_length=200, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # An email address, a mobile number, or a postal address one line per line.
    to_address = models.TextField(blank=True)
    template_key = models.CharField(max_length=60)
    # Only what the chosen channel's wording uses; secrets (one-time links) are removed once sent.
    personalisation = models.JSONField(default=dict, blank=True)
    idempotency_key = models.CharField(max_length=120, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CREATED)
    provider = models.CharField(max_length=10, choices=Provider.choices, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    # Why it waits (a time the person asked not to be texted), shown to staff.
    held_because = models.CharField(max_length=200, blank=True)
    # Set by each claim: only the worker holding this claim may record the outcome.
    claim_token = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["recipient_user", "-created_at"], name="outbox_recipient"),
        ]

    def __str__(self) -> str:
        return f"{self.template_key} by {self.channel} ({self.status})"


class OutboxStatusChange(models.Model):
    """One step of a message's life, never changed afterwards. Notes hold no personal details."""

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    changed_at = models.DateTimeField()
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"
