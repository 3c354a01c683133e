"""The sign-off clock and the clock after it, computed from the append-only rows (ADR-039, ADR-042).

Submission to decision in working days, with the time the budget sat with the worker (returned
for changes) counted and shown separately, never taken off; then approval to the first payment
or service. Nothing here stores a deadline.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from livingplan.budgets.models import DECIDED, BudgetStatus, BudgetStatusChange
from livingplan.core import workdays


@dataclass(frozen=True)
class SignOffClock:
    clock: workdays.Clock | None  # None while still being drafted
    returned_days: int  # working days spent back with the worker
    decided_at: dt.datetime | None
    approved_at: dt.datetime | None

    def taken(self, now: dt.datetime) -> int | None:
        return None if self.clock is None else self.clock.working_days_taken(now)


def _returned_days(rows: Sequence[BudgetStatusChange], now: dt.datetime) -> int:
    days, returned_at = 0, None
    for row in rows:
        if row.to_status == BudgetStatus.RETURNED:
            returned_at = row.changed_at
        elif row.to_status == BudgetStatus.RESUBMITTED and returned_at is not None:
            days += workdays.working_days_between(workdays.local_date(returned_at), workdays.local_date(row.changed_at))
            returned_at = None
    if returned_at is not None:
        days += workdays.working_days_between(workdays.local_date(returned_at), workdays.local_date(now))
    return days


def sign_off_clock(rows: Sequence[BudgetStatusChange], *, target_days: int, now: dt.datetime) -> SignOffClock:
    """From a budget's status rows, oldest first."""
    submitted = next((r.changed_at for r in rows if r.to_status == BudgetStatus.SUBMITTED), None)
    decided = next((r.changed_at for r in rows if r.to_status in DECIDED), None)
    approved = next((r.changed_at for r in rows if r.to_status == BudgetStatus.APPROVED), None)
    clock = None if submitted is None else workdays.Clock(started=submitted, target_days=target_days, stopped=decided)
    return SignOffClock(
        clock=clock, returned_days=_returned_days(rows, decided or now), decided_at=decided, approved_at=approved
    )


def approval_to_start(approved_at: dt.datetime, happened_on: dt.date) -> int:
    """Working days from approval to the first payment or service (the clock after sign-off)."""
    return workdays.working_days_between(workdays.local_date(approved_at), happened_on)
