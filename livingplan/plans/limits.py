"""How much one plan may hold, and how fast one user may write to plans (ADR-019).

A plan with hundreds of outcomes is not a plan anybody can read or agree, and making its PDF
held a web worker for tens of seconds. So each part of a plan has a cap far above what a real
plan reaches (the largest demo plan has 4 outcomes), and each user may make only so many plan
changes a minute, counted from the audit trail: every change is already written there, in the
database every server process shares (a per-process cache let twice the limit through with two
workers; see the architecture notes on throttles).

Both refusals are `ValidationError`s, so any view that shows a service's validation errors shows
these too, and nothing is written. The API answers 422 `limit_reached` and 429 `rate_limited`.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.core.models import AuditEvent

# What a real plan never reaches; settings.LIVINGPLAN_PLAN_LIMITS may change any of them.
DEFAULT_LIMITS: dict[str, int] = {
    "statements_per_section": 100,
    "outcomes": 100,
    "actions": 300,
    "risks": 50,
    "linked_plans": 30,
    "disagreements": 100,
    "writes_per_minute": 60,
}

# What each cap counts, in the words the refusal uses.
PART_NAMES = {
    "statements_per_section": "entries in this section",
    "outcomes": "outcomes",
    "actions": "actions",
    "risks": "risks",
    "linked_plans": "linked plans",
    "disagreements": "different views",
}

# The audit actions of the plan changes the rate limit counts (the ones it guards).
COUNTED_WRITES = (
    "plans.statement.added",
    "plans.statement.removed",
    "plans.outcome.added",
    "plans.outcome.progress_recorded",
    "plans.action.added",
    "plans.action.status_changed",
    "plans.risk.added",
    "plans.linked_plan.added",
    "plans.disagreement.recorded",
    "plans.review_arrangements.changed",
    "plans.note.added",
)
WINDOW = dt.timedelta(minutes=1)


def limit(name: str) -> int:
    return int({**DEFAULT_LIMITS, **getattr(settings, "LIVINGPLAN_PLAN_LIMITS", {})}[name])


class PlanLimitReached(ValidationError):
    """This part of the plan already holds as much as a plan may."""

    def __init__(self, part: str, cap: int) -> None:
        self.part, self.cap = part, cap
        super().__init__(
            f"This plan already has {cap} {PART_NAMES[part]}, the most it can hold. "
            "Remove or combine some before adding more.",
            code="limit_reached",
        )


class WriteRateExceeded(ValidationError):
    """The user has made as many plan changes as they may in the last minute."""

    def __init__(self, cap: int, retry_after: int) -> None:
        self.cap, self.retry_after = cap, retry_after
        super().__init__(
            f"You have made {cap} changes to plans in the last minute, the most allowed. "
            f"Wait {retry_after} seconds, then save again. What you typed has not been saved yet.",
            code="rate_limited",
        )


def check_room(part: str, existing: Any) -> None:
    """Refuse to add to `part` when `existing` (a queryset of what it holds now) is full."""
    cap = limit(part)
    if existing.count() >= cap:
        raise PlanLimitReached(part, cap)


def check_write_rate(by: User, audit: AuditContext | None) -> None:
    """Refuse a change made through the web or the API once `by` has made the minute's allowance.

    Changes made outside a request (the demo seed, management commands, imports: their `audit`
    context, if any, is not `interactive`) are not limited.
    Call inside the change's transaction: the user's row is locked first, so two of their
    requests at once cannot both take the last place (on SQLite the write lock does this).
    """
    if audit is None or not audit.interactive:
        return
    cap = limit("writes_per_minute")
    list(User.objects.select_for_update().filter(pk=by.pk).values_list("pk"))
    now = timezone.now()
    recent = list(
        AuditEvent.objects.filter(actor=by, occurred_at__gt=now - WINDOW, action__in=COUNTED_WRITES)
        .order_by("occurred_at")
        .values_list("occurred_at", flat=True)[:cap]
    )
    if len(recent) >= cap:
        retry_after = max(1, int((recent[0] + WINDOW - now).total_seconds()) + 1)
        raise WriteRateExceeded(cap, retry_after)
