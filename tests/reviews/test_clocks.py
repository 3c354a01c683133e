"""The decision clocks count working days in London (ADR-039): tested with frozen time across Easter 2027,
when Good Friday and Easter Monday fall either side of the spring clock change, and across the autumn one."""

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.test import Client

from livingplan.core.workdays import LONDON, Clock, ClockState
from livingplan.notifications.models import OutboxMessage
from livingplan.reviews import clocks, reminders, services
from livingplan.reviews.models import Trigger, TriggerCategory
from tests.personas import World

# Thursday 25 March 2027, 4pm in London (GMT): the day before Good Friday.
MAUNDY_THURSDAY = dt.datetime(2027, 3, 25, 16, 0, tzinfo=LONDON)


def london(day: int, month: int, hour: int, minute: int = 0, year: int = 2027) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def easter() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(MAUNDY_THURSDAY, tick=False) as traveller:
        yield traveller


def _medication(world: World) -> Trigger:
    return services.answer_handover(
        world.alex_record,
        by=world.dr_jones,
        needs_change=True,
        category=TriggerCategory.MEDICATION,
        what_happened="Blood pressure tablets changed",
    ).trigger  # type: ignore[return-value]


def _clock(trigger: Trigger) -> Clock:
    return clocks.decision_clock(category=trigger.category, raised_at=trigger.raised_at, decided_at=None)


@pytest.mark.usefixtures("easter")
def test_a_medication_decision_skips_both_bank_holidays_and_the_clock_change(world: World) -> None:
    clock = _clock(_medication(world))
    # Friday and Monday are bank holidays: Tuesday is the first working day, Wednesday the second.
    assert clock.due == london(1, 4, 0)
    assert clock.due.astimezone(dt.UTC) == dt.datetime(2027, 3, 31, 23, 0, tzinfo=dt.UTC)  # BST by then


@pytest.mark.parametrize(
    ("now", "words", "state"),
    [
        (london(25, 3, 17), "2 working days left", ClockState.ON_TRACK),
        (london(29, 3, 12), "2 working days left", ClockState.ON_TRACK),  # Easter Monday does not count
        (london(30, 3, 9), "1 working day left", ClockState.ON_TRACK),
        (london(31, 3, 23, 30), "Due today", ClockState.DUE_SOON),
        (london(1, 4, 0, 30), "Overdue by 1 working day", ClockState.OVERDUE),  # still 31 March in UTC
    ],
)
def test_the_medication_clock_counts_down_in_london_working_days(
    world: World, easter: time_machine.Traveller, now: dt.datetime, words: str, state: ClockState
) -> None:
    clock = _clock(_medication(world))
    assert (clocks.left_words(clock, now), clock.state(now)) == (words, state)


def test_safeguarding_is_decided_the_same_london_day_across_the_autumn_clock_change(world: World) -> None:
    # Saturday 24 October 2026, 11:30pm BST: the clocks go back at 2am on Sunday.
    with time_machine.travel(london(24, 10, 23, 30, year=2026), tick=False):
        trigger = services.raise_trigger(
            world.alex_record,
            by=world.priya,
            category=TriggerCategory.SAFEGUARDING,
            what_happened="A neighbour is taking his money",
            noticed_on=dt.date(2026, 10, 24),
        )
    clock = _clock(trigger)
    assert clock.state(london(24, 10, 23, 59, year=2026)) == ClockState.DUE_SOON
    assert clock.state(london(25, 10, 0, 5, year=2026)) == ClockState.OVERDUE


def test_priyas_caseload_counts_down_and_the_manager_is_told_once_it_passes(
    world: World, easter: time_machine.Traveller, client_for: Callable[[str], Client]
) -> None:
    _medication(world)
    assert "2 working days left" in client_for("priya").get("/").content.decode()

    easter.move_to(london(31, 3, 10))  # signed in again each time: a session does not last days
    page = client_for("priya").get("/?show=decisions").content.decode()
    assert "Due today" in page
    assert "Changes waiting for a decision (1)" in page
    assert reminders.remind_about_reviews() == 0

    easter.move_to(london(1, 4, 9, 15))
    page = client_for("priya").get("/?show=decisions-overdue").content.decode()
    assert "Overdue by 1 working day" in page
    assert "Decisions overdue (1)" in page
    reminders.remind_about_reviews()
    reminders.remind_about_reviews()  # a second run, as a second worker would: nothing new
    told = OutboxMessage.objects.filter(template_key="review_decision_overdue")
    assert sorted(told.values_list("to_address", flat=True)) == ["morgan@example.org", "priya@example.org"]
    escalated = client_for("morgan").get("/reviews/").content.decode()
    assert "Medication" in escalated
    assert "Overdue by 1 working day" in escalated
