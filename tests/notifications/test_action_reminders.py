"""An overdue action tells its owner: the real `livingplan db_worker --batch` (in this process, at
frozen London times) queues "due tomorrow" and "overdue" once per action per due date and sends
them through the real client to the Notify stub. Running it again never repeats one."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from livingplan.notifications import preferences
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import CircleMember
from livingplan.plans import reminders
from livingplan.plans import services as plans
from livingplan.plans.models import Action, ActionStatus, Layer, Outcome
from tests.notifications.notify_stub import Accepted, NotifyStub
from tests.personas import World

# The worker runs in this process and closes the database connection as a worker does between tasks:
# on PostgreSQL that would end a test's open transaction, so these tests commit (SQLite's in-memory
# test database is never closed, which is why they passed there before).
pytestmark = pytest.mark.django_db(transaction=True)

LONDON = zoneinfo.ZoneInfo("Europe/London")
MONDAY_10AM = dt.datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)


def at(when: dt.datetime) -> "time_machine.travel":
    return time_machine.travel(when, tick=False)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--backend", "later", "--no-startup-delay", "--interval", "0.01", "-v0")


def reminders_sent(notify: NotifyStub) -> list[Accepted]:
    return [a for a in notify.accepted if a.reference.startswith("action-")]


@pytest.fixture
def outcome(world: World) -> Outcome:
    with at(MONDAY_10AM):
        plan = plans.start_plan(world.alex_record, by=world.priya)
        return plans.add_outcome(plan, by=world.alex, text="Walk to the shops on my own")


def action(world: World, outcome: Outcome, *, owner_name: str, due_on: dt.date, what: str = "Try the route") -> Action:
    owner = world.persona(owner_name)
    with at(MONDAY_10AM):
        return plans.add_action(
            outcome, by=world.priya, what=what, owner=owner, owner_name="", layer=Layer.FAMILY_FRIENDS, due_on=due_on
        )


def test_sam_hears_the_day_before_and_once_it_is_overdue_and_never_twice(
    world: World, outcome: Outcome, notify_stub: NotifyStub
) -> None:
    walk = action(world, outcome, owner_name="sam", due_on=dt.date(2026, 12, 8), what="Walk the route with Dad")

    with at(MONDAY_10AM):
        run_worker()
        run_worker()
    [due] = reminders_sent(notify_stub)
    assert due.reference == f"action-due-{walk.pk}-2026-12-08"
    assert due.payload["email_address"] == "sam@example.org"
    said = due.payload["personalisation"]
    assert said["subject"] == "Something you agreed to do is due tomorrow"
    assert "Hello Sam," in said["body"]
    assert "in Alex's care and support plan is due tomorrow, 8 December 2026" in said["body"]
    assert "Walk the route" not in said["body"], "what it is stays on the plan"

    with at(MONDAY_10AM + dt.timedelta(days=2)):
        run_worker()
        run_worker()
    assert [a.reference for a in reminders_sent(notify_stub)] == [
        f"action-due-{walk.pk}-2026-12-08",
        f"action-overdue-{walk.pk}-2026-12-08",
    ]
    assert (
        "was due on 8 December 2026 and is not marked as done"
        in reminders_sent(notify_stub)[1].payload["personalisation"]["body"]
    )


def test_alex_is_told_about_his_own_action_as_his_own(world: World, outcome: Outcome, notify_stub: NotifyStub) -> None:
    action(world, outcome, owner_name="alex", due_on=dt.date(2026, 12, 8))
    with at(MONDAY_10AM):
        run_worker()
    [due] = reminders_sent(notify_stub)
    assert due.payload["email_address"] == "alex@example.org"
    assert "Something you agreed to do in your care and support plan" in due.payload["personalisation"]["body"]


def test_nobody_is_reminded_before_9am_of_a_finished_action_or_of_one_long_overdue(
    world: World, outcome: Outcome, notify_stub: NotifyStub
) -> None:
    action(world, outcome, owner_name="sam", due_on=dt.date(2026, 12, 8))
    done = action(world, outcome, owner_name="priya", due_on=dt.date(2026, 12, 8))
    with at(MONDAY_10AM):
        plans.set_action_status(done, by=world.priya, status=ActionStatus.DONE)
    with at(MONDAY_10AM.replace(hour=8, minute=59)):
        assert reminders.remind_about_actions() == 0
    with at(MONDAY_10AM + dt.timedelta(days=9)):  # Sam's was due 8 days ago: too old to announce
        assert reminders.remind_about_actions() == 0
    assert not OutboxMessage.objects.filter(template_key__startswith="action_").exists()


def test_a_new_due_date_gets_its_own_reminder(world: World, outcome: Outcome) -> None:
    walk = action(world, outcome, owner_name="priya", due_on=dt.date(2026, 12, 8))
    with at(MONDAY_10AM):
        assert reminders.remind_about_actions() == 1
        # No service moves a due date yet (plans change by review): set it as one would.
        Action.objects.filter(pk=walk.pk).update(due_on=dt.date(2026, 12, 9))
    with at(MONDAY_10AM + dt.timedelta(days=1)):
        assert reminders.remind_about_actions() == 1
        assert reminders.remind_about_actions() == 0
    assert OutboxMessage.objects.filter(template_key="action_due", recipient_user=world.priya).count() == 2


def test_sam_turned_due_reminders_off_and_hears_only_when_overdue(world: World, outcome: Outcome) -> None:
    preferences.choose_messages(world.sam, by=world.sam, wanted=["suggestion_waiting", "action_overdue"])
    action(world, outcome, owner_name="sam", due_on=dt.date(2026, 12, 8))
    with at(MONDAY_10AM):
        assert reminders.remind_about_actions() == 0
    with at(MONDAY_10AM + dt.timedelta(days=2)):
        assert reminders.remind_about_actions() == 1
    assert list(OutboxMessage.objects.values_list("template_key", flat=True).filter(recipient_user=world.sam)) == [
        "action_overdue"
    ]


def test_someone_who_can_no_longer_see_the_plan_is_not_told_about_it(world: World, outcome: Outcome) -> None:
    action(world, outcome, owner_name="sam", due_on=dt.date(2026, 12, 8))
    sam = CircleMember.objects.get(person=world.alex_record, user=world.sam)
    people.set_circle_access(sam, by=world.alex, has_access=False)
    with at(MONDAY_10AM):
        assert reminders.remind_about_actions() == 0
