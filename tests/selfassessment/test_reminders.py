"""A priority's owner is reminded a week before it is due and once it is overdue, once each, through the outbox."""

import datetime as dt
import zoneinfo

import time_machine

from livingplan.notifications.models import OutboxMessage
from livingplan.selfassessment import reminders, services
from livingplan.selfassessment.models import Priority, PriorityStatus
from tests.personas import World
from tests.selfassessment.builders import GAP_AREA, start_round

LONDON = zoneinfo.ZoneInfo("Europe/London")
MONDAY_10AM = dt.datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)


def reminders_queued() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(template_key__startswith="selfassessment_"))


def priority_due(world: World, by_when: dt.date) -> Priority:
    return services.add_priority(
        start_round(world),
        by=world.admin,
        details=services.PlanDetails(
            area_id=GAP_AREA,
            priority="Start with what matters",
            why="People said so",
            first_steps="Try it in two teams",
            owner=world.priya,
            by_when=by_when,
            how_we_will_know="People say they were asked",
        ),
    )


def test_the_owner_is_told_once_that_a_priority_is_due_soon(world: World) -> None:
    priority_due(world, dt.date(2026, 12, 10))
    with time_machine.travel(MONDAY_10AM, tick=False):
        assert reminders.remind_about_priorities() == 1
        assert reminders.remind_about_priorities() == 0
    (message,) = reminders_queued()
    assert (message.template_key, message.recipient_name) == ("selfassessment_priority_due", "Priya Shah")


def test_an_overdue_priority_gets_its_own_reminder(world: World) -> None:
    priority_due(world, dt.date(2026, 12, 4))
    with time_machine.travel(MONDAY_10AM, tick=False):
        reminders.remind_about_priorities()
    assert [m.template_key for m in reminders_queued()] == ["selfassessment_priority_overdue"]


def test_a_priority_done_is_left_alone(world: World) -> None:
    priority = priority_due(world, dt.date(2026, 12, 4))
    services.move_priority(priority, by=world.priya, to=PriorityStatus.DONE)
    with time_machine.travel(MONDAY_10AM, tick=False):
        assert reminders.remind_about_priorities() == 0


def test_nobody_is_reminded_before_nine_in_the_morning(world: World) -> None:
    priority_due(world, dt.date(2026, 12, 10))
    with time_machine.travel(MONDAY_10AM.replace(hour=7), tick=False):
        assert reminders.remind_about_priorities() == 0
