"""The receipt of an agreed version's copy, and the time from agreement to delivery: pure functions."""

import datetime as dt

from livingplan.plans.receipts import SentCopy, Step, receipt, time_to_delivery

AGREED = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)


def steps(*pairs: tuple[str, int]) -> list[Step]:
    """(status, minutes after agreement)."""
    return [Step(to_status=status, at=AGREED + dt.timedelta(minutes=minutes)) for status, minutes in pairs]


def letter(*pairs: tuple[str, int], status: str = "SENT", fmt: str = "large-print") -> SentCopy:
    return SentCopy(first_name="Alex", channel="LETTER", letter_format=fmt, status=status, steps=steps(*pairs))


def test_time_to_delivery_runs_from_agreement_to_the_first_delivered_row() -> None:
    rows = steps(("CREATED", 0), ("SENDING", 1), ("SENT", 2), ("DELIVERED", 60 * 26))
    assert time_to_delivery(AGREED, rows) == dt.timedelta(hours=26)


def test_nothing_delivered_yet_has_no_time_to_delivery() -> None:
    assert time_to_delivery(AGREED, steps(("CREATED", 0), ("SENDING", 1), ("SENT", 2))) is None


def test_a_retry_does_not_move_the_clock_and_it_is_never_negative() -> None:
    retried = steps(("SENDING", 1), ("CREATED", 2), ("SENDING", 5), ("SENT", 6), ("DELIVERED", 90))
    assert time_to_delivery(AGREED, retried) == dt.timedelta(minutes=90)
    assert time_to_delivery(AGREED + dt.timedelta(hours=2), retried) == dt.timedelta(0)


def test_a_posted_letter_says_how_and_when() -> None:
    copy = letter(("SENT", 5), ("DELIVERED", 60 * 24), status="DELIVERED")
    assert receipt(copy) == "Sent to Alex as a large-print letter on 7 December 2026. Posted on 8 December 2026."


def test_a_letter_waiting_and_one_sent_say_so() -> None:
    assert receipt(letter(("CREATED", 0), status="CREATED", fmt="easy-read")) == (
        "Waiting to be sent to Alex as an easy read letter."
    )
    assert receipt(letter(("SENT", 5))) == "Sent to Alex as a large-print letter on 7 December 2026."


def test_an_email_is_delivered_and_a_failure_is_plain() -> None:
    email = SentCopy("Alex", "EMAIL", "", "DELIVERED", steps(("SENT", 1), ("DELIVERED", 2)))
    assert receipt(email) == "Sent to Alex by email on 7 December 2026. Delivered on 7 December 2026."
    failed = SentCopy("Alex", "LETTER", "standard", "PERMANENT_FAILURE", steps(("SENT", 1)))
    assert receipt(failed) == "Could not be sent to Alex as a letter."
    superseded = SentCopy("Alex", "LETTER", "standard", "PERMANENT_FAILURE", [], problem="The plan changed.")
    assert receipt(superseded) == "Could not be sent to Alex as a letter. The plan changed."
    nothing = SentCopy("Alex", "NONE", "", "PERMANENT_FAILURE", [])
    assert receipt(nothing) == "Not sent to Alex: nothing is recorded to reach them by."


def test_the_person_reads_about_their_own_copy_and_a_replaced_version_is_not_a_failure() -> None:
    mine = SentCopy("you", "LETTER", "large-print", "SENT", steps(("SENT", 5)))
    assert receipt(mine) == "Sent to you as a large-print letter on 7 December 2026."
    unreachable = SentCopy("you", "NONE", "", "PERMANENT_FAILURE", [])
    assert receipt(unreachable) == "Not sent to you: nothing is recorded to reach you by."
    replaced = SentCopy("you", "LETTER", "standard", "PERMANENT_FAILURE", [], problem="x", superseded=True)
    assert receipt(replaced) == "Not sent to you: a newer version was agreed before it went."
