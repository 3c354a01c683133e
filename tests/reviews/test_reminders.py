"""Reminders through the outbox, never twice: the review coming up to the person in their channel,
the review overdue to the coordinator and team manager, a request to the coordinator at once."""

import datetime as dt
from collections.abc import Callable

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livingplan.core.workdays import LONDON
from livingplan.notifications.models import OutboxMessage
from livingplan.reviews import reminders, services
from livingplan.reviews.models import TriggerCategory
from tests.factories import PersonFactory, put_on_care_team
from tests.reviews.conftest import Agreed

TODAY = timezone.localdate()


def _at(moment: dt.datetime) -> time_machine.travel:
    return time_machine.travel(moment, tick=False)


def test_the_person_hears_their_review_is_coming_up_two_weeks_ahead_once(agreed: Agreed) -> None:
    first_agreed = agreed.plan.versions.get().agreed_at.astimezone(LONDON)
    due = first_agreed.date() + dt.timedelta(weeks=8)  # the light-touch review
    with _at(dt.datetime.combine(due - dt.timedelta(days=14), dt.time(10), tzinfo=LONDON)):
        reminders.remind_about_reviews()
        reminders.remind_about_reviews()
    [told] = OutboxMessage.objects.filter(template_key="review_due")
    assert told.recipient_name == "Alex Carter"
    assert told.personalisation["due_on"] == f"{due.day} {due:%B %Y}"


def test_nobody_is_reminded_before_nine_in_the_morning(agreed: Agreed) -> None:
    due = agreed.plan.versions.get().agreed_at.astimezone(LONDON).date() + dt.timedelta(weeks=8)
    with _at(dt.datetime.combine(due, dt.time(8, 30), tzinfo=LONDON)):
        assert reminders.remind_about_reviews() == 0


def test_an_overdue_review_goes_to_the_coordinator_and_the_team_manager(agreed: Agreed) -> None:
    due = agreed.plan.versions.get().agreed_at.astimezone(LONDON).date() + dt.timedelta(weeks=8)
    with _at(dt.datetime.combine(due + dt.timedelta(days=3), dt.time(9, 30), tzinfo=LONDON)):
        reminders.remind_about_reviews()
    told = OutboxMessage.objects.filter(template_key="review_overdue")
    assert sorted(told.values_list("to_address", flat=True)) == ["morgan@example.org", "priya@example.org"]


def test_a_request_reaches_the_coordinator_and_the_answer_reaches_whoever_asked(agreed: Agreed) -> None:
    world = agreed.world
    asked = services.request_review(world.alex_record, by=world.sam, reason="Dad seems low")
    services.answer_request(asked, by=world.priya, accept=False, reason="We reviewed it last week; let us talk")
    received = OutboxMessage.objects.get(template_key="review_request_received")
    answered = OutboxMessage.objects.get(template_key="review_request_answered")
    assert (received.to_address, answered.recipient_name) == ("priya@example.org", "Sam Carter")


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_the_caseload_costs_the_same_queries_with_many_changes_and_requests(
    agreed: Agreed, client_for: Callable[[str], Client]
) -> None:
    world, priya = agreed.world, client_for("priya")
    services.request_review(world.alex_record, by=world.alex, reason="Tired")
    small = _queries(priya)
    for n in range(15):
        person = PersonFactory.create(lead_organisation=world.council_a, given_name=f"P{n}", family_name="Ives")
        put_on_care_team(person, world.priya, world.council_a, is_coordinator=True)
        services.raise_trigger(
            person, by=world.priya, category=TriggerCategory.HEALTH, what_happened="Fell", noticed_on=TODAY
        )
        services.request_review(person, by=world.priya, reason="Check")
    assert _queries(priya) == small
