"""When the next planned review is due (reviews.schedule): pure dates, the rules a coordinator would check by hand."""

import datetime as dt

from livingplan.reviews.schedule import review_due_on

FIRST = dt.date(2026, 1, 12)


def test_a_plan_agreed_once_is_due_its_light_touch_review_eight_weeks_on() -> None:
    due = review_due_on(first_agreed_on=FIRST, last_reviewed_on=None, last_agreed_on=FIRST, plan_next_review_on=None)
    assert due == dt.date(2026, 3, 9)


def test_a_plan_changed_and_agreed_again_keeps_its_own_date_not_the_light_touch_one() -> None:
    """Alex's plan was reviewed and agreed again in July: the March light-touch date is long past, not overdue."""
    due = review_due_on(
        first_agreed_on=FIRST,
        last_reviewed_on=None,
        last_agreed_on=dt.date(2026, 7, 10),
        plan_next_review_on=dt.date(2027, 1, 1),
    )
    assert due == dt.date(2027, 1, 1)


def test_after_an_agreement_again_the_date_is_never_beyond_the_persons_chosen_gap() -> None:
    due = review_due_on(
        first_agreed_on=FIRST,
        last_reviewed_on=None,
        last_agreed_on=dt.date(2026, 7, 10),
        plan_next_review_on=dt.date(2027, 12, 1),
        every_months=6,
    )
    assert due == dt.date(2027, 1, 10)


def test_a_review_here_after_the_last_agreement_counts_from_the_review() -> None:
    due = review_due_on(
        first_agreed_on=FIRST,
        last_reviewed_on=dt.date(2026, 9, 1),
        last_agreed_on=dt.date(2026, 7, 10),
        plan_next_review_on=None,
        every_months=6,
    )
    assert due == dt.date(2027, 3, 1)
