"""When the next planned review is due: pure dates, no ORM (ADR-040, ADR-049).

Before any review: a light-touch one `first_review_weeks` (the organisation's policy) after the plan
was first agreed, or the plan's own next review date if that is sooner. After a review: the date it
set on the plan, never later than the person's chosen gap after it (`every_months`, their
`ReviewChoice`) and never more than twelve months after it. A review that happens early moves the
next one, because the date counts from the review that happened. A plan changed and agreed again
with the person (a version after the first, made by a review here or through the plan's own review)
has been looked at again: from then on its own date stands, as after a review, and the light-touch
review weeks after the first agreement is no longer due.
"""

import calendar
import datetime as dt

from livingplan.reviews import targets


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it has no such day (31 August + 6 = 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_after_review(completed_on: dt.date, months: int | None = None) -> dt.date:
    """The next review date a review completed on `completed_on` sets: `months` on, twelve at most."""
    chosen = targets.default().every_months if months is None else months
    return add_months(completed_on, max(1, min(chosen, targets.MOST_MONTHS)))


def review_due_on(
    *,
    first_agreed_on: dt.date | None,
    last_reviewed_on: dt.date | None,
    last_agreed_on: dt.date | None = None,
    plan_next_review_on: dt.date | None,
    first_review_weeks: int | None = None,
    every_months: int | None = None,
) -> dt.date | None:
    """The date the next planned review is due; before any agreement, whatever date the plan holds.

    `first_review_weeks` is the organisation's (None: the default); `every_months` the person's
    choice of how often (None: no choice made, so only the twelve-month limit caps the plan's date)."""
    if first_agreed_on is not None and last_agreed_on is not None and last_agreed_on > first_agreed_on:
        last_reviewed_on = max(last_reviewed_on or last_agreed_on, last_agreed_on)
    if last_reviewed_on is None:
        if first_agreed_on is None:
            return plan_next_review_on  # a date set while drafting stands until the plan is agreed
        weeks = targets.default().first_review_weeks if first_review_weeks is None else first_review_weeks
        light_touch = first_agreed_on + dt.timedelta(weeks=weeks)
        return min(light_touch, plan_next_review_on) if plan_next_review_on else light_touch
    gap = min(every_months or targets.MOST_MONTHS, targets.MOST_MONTHS)
    latest = add_months(last_reviewed_on, gap)
    return min(plan_next_review_on, latest) if plan_next_review_on else latest
