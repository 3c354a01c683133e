"""The clocks of reviews, built from their rows with `core.workdays.Clock` (ADR-039): nothing stored.

- a trigger to its decision: the category's target (`Policy.days_to_decide`);
- a decision to update the plan to the next version agreed after it (`Policy.update_days`);
- a request for a review to its answer (`Policy.answer_days`).

The targets are those of the organisation leading the person's care (`targets.for_person`); without
one given, the deployment's defaults.
"""

import datetime as dt

from livingplan.core.workdays import Clock
from livingplan.reviews import targets
from livingplan.reviews.targets import Policy


def decision_clock(
    *, category: str, raised_at: dt.datetime, decided_at: dt.datetime | None, policy: Policy | None = None
) -> Clock:
    days = (policy or targets.default()).days_to_decide(category)
    return Clock(started=raised_at, target_days=days, stopped=decided_at)


def update_clock(*, decided_at: dt.datetime, agreed_at: dt.datetime | None, policy: Policy | None = None) -> Clock:
    return Clock(started=decided_at, target_days=(policy or targets.default()).update_days, stopped=agreed_at)


def answer_clock(*, asked_at: dt.datetime, answered_at: dt.datetime | None, policy: Policy | None = None) -> Clock:
    return Clock(started=asked_at, target_days=(policy or targets.default()).answer_days, stopped=answered_at)


def left_words(clock: Clock, now: dt.datetime) -> str:
    """ "Overdue by 2 working days", "Due today", "1 working day left"; "Done" once stopped."""
    if clock.stopped is not None:
        return "Done in time" if clock.met() else "Done late"
    left = clock.working_days_left(now)
    if left < 0:
        return f"Overdue by {-left} working day{'s' if left != -1 else ''}"
    if left == 0:
        return "Due today"
    return f"{left} working day{'s' if left != 1 else ''} left"
